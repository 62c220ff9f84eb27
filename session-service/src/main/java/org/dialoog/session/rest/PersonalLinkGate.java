package org.dialoog.session.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.service.PersonalLinkService;
import org.dialoog.session.service.PersonalLinks;
import org.dialoog.session.store.PublicLinks;

/** The way in for a personal link: count it against the limits, then act for the link's tenant. */
@ApplicationScoped
class PersonalLinkGate {

    /** Longer than any code we make; anything longer is no code of ours. */
    private static final int LONGEST_CODE = 100;

    private final RateLimits rateLimits;
    private final PublicLinks publicLinks;
    private final Caller caller;

    PersonalLinkGate(RateLimits rateLimits, PublicLinks publicLinks, Caller caller) {
        this.rateLimits = rateLimits;
        this.publicLinks = publicLinks;
        this.caller = caller;
    }

    /** Counts the request, then acts for the tenant of {@code code}; a wrong code is the 404 of a spent one. */
    String enter(String code, HttpServerRequest http) {
        String hash = PersonalLinks.hash(code);
        // counted before the lookup, so that guessing codes costs the guesser its budget, not our database
        rateLimits.take("personal link", http, hash);
        if (code.isEmpty() || code.length() > LONGEST_CODE) {
            throw PersonalLinkService.noLink();
        }
        caller.actForTenant(publicLinks.tenantOf(hash).orElseThrow(PersonalLinkService::noLink));
        return code;
    }
}
