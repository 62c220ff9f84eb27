package org.dialoog.conventions.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, for one request or one consumed event: the tenant (the token's {@code org}
 * claim, or the tenant an event carries), the user id (the token's {@code sub}) and the roles.
 * A token without either claim never reaches a resource ({@link IdentityRules}).
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String FACILITATOR = "facilitator";
    public static final String CLIENT = "client";
    public static final String INTEGRATION = "integration";
    /** A person of a party to whom a facilitator granted rights in one engagement (issue #19); where is in the service. */
    public static final String PARTY_LEAD = "party-lead";

    /** The claim that names the user. */
    public static final String USER_CLAIM = "sub";
    /** The claim that names the tenant. */
    public static final String TENANT_CLAIM = "org";

    private final Instance<JsonWebToken> token;
    private @Nullable String eventTenant;

    Caller(Instance<JsonWebToken> token) {
        this.token = token;
    }

    /** Acts for a tenant named by an event rather than a token (consumers, background work). */
    public void actForTenant(String tenant) {
        this.eventTenant = tenant;
    }

    public Optional<String> tenant() {
        if (eventTenant != null) {
            return Optional.of(eventTenant);
        }
        return jwt().flatMap(t -> claim(t, TENANT_CLAIM));
    }

    /**
     * The user the bearer token names. Only a caller with a token has one: events and public
     * paths act for a tenant, never as a user, so no two callers can end up sharing an id.
     */
    public String userId() {
        return user().orElseThrow(() -> new IllegalStateException(
                "No user: this work runs without a bearer token (an event or a public path)"));
    }

    /** Whether the caller's user is one of these ids (an engagement's facilitators or client contacts). */
    public boolean isOneOf(String[] userIds) {
        return userIds != null
                && user().map(me -> Arrays.asList(userIds).contains(me)).orElse(false);
    }

    public Set<String> roles() {
        return jwt().map(JsonWebToken::getGroups).orElse(Set.of());
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    /** A claim's text, if the token has it and it is not blank: the one reading of sub and org. */
    static Optional<String> claim(JsonWebToken token, String name) {
        return Optional.ofNullable(token.<Object>getClaim(name))
                .map(Object::toString)
                .filter(s -> !s.isBlank());
    }

    private Optional<String> user() {
        return jwt().flatMap(t -> claim(t, USER_CLAIM));
    }

    private Optional<JsonWebToken> jwt() {
        if (!token.isResolvable()) {
            return Optional.empty();
        }
        JsonWebToken t = token.get();
        return t.getRawToken() == null ? Optional.empty() : Optional.of(t);
    }
}
