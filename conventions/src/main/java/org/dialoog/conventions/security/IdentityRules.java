package org.dialoog.conventions.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.dialoog.conventions.rest.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jspecify.annotations.Nullable;

/**
 * The identity rules in one place: a verified bearer token must name its user ({@code sub}) and its
 * tenant ({@code org}), or the request is answered 401 before any resource runs. Otherwise callers
 * without a user would share one identity, and a caller without a tenant would fail deep inside.
 */
public class IdentityRules {

    /** RFC 6750: the token was read and verified, but cannot be used. */
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private final CurrentIdentityAssociation identities;

    IdentityRules(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /**
     * Pre-matching, so before the role checks (a 401, never a 403) and on public paths too.
     * Authentication is lazy here ({@code quarkus.http.auth.proactive=false}), so the filter asks
     * for the identity itself; a token that does not verify is left to the endpoint as before
     * (401 where a role is needed, ignored on public paths). Requests without a token pass.
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> requireUserAndTenant(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> {
                    String claim = missingClaim(identity);
                    return claim == null ? null : refusal(claim, request);
                })
                .onFailure()
                .recoverWithNull();
    }

    /** The first required claim the identity's token lacks (or has blank); null without a token. */
    static @Nullable String missingClaim(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        if (Caller.claim(token, Caller.USER_CLAIM).isEmpty()) {
            return Caller.USER_CLAIM;
        }
        if (Caller.claim(token, Caller.TENANT_CLAIM).isEmpty()) {
            return Caller.TENANT_CLAIM;
        }
        return null;
    }

    private static Response refusal(String claim, ContainerRequestContext request) {
        String names = claim.equals(Caller.USER_CLAIM) ? "user" : "tenant";
        String detail = "The bearer token names no " + names + ": its '" + claim
                + "' claim is missing or blank. Ask the identity provider for a token that carries it.";
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        return Response.fromResponse(
                        Problem.of(401, "Unauthorized", detail, path).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE)
                .build();
    }
}
