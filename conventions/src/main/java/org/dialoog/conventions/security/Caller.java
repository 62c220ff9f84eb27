package org.dialoog.conventions.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, for one request or one consumed event: the tenant (the token's {@code org}
 * claim, or the tenant an event carries), the user id and the roles.
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String FACILITATOR = "facilitator";
    public static final String CLIENT = "client";
    public static final String INTEGRATION = "integration";

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
        return jwt().map(t -> t.<Object>getClaim("org")).map(Object::toString).filter(s -> !s.isBlank());
    }

    public String userId() {
        return jwt().map(JsonWebToken::getSubject).orElse("system");
    }

    public Set<String> roles() {
        return jwt().map(JsonWebToken::getGroups).orElse(Set.of());
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    private Optional<JsonWebToken> jwt() {
        if (!token.isResolvable()) {
            return Optional.empty();
        }
        JsonWebToken t = token.get();
        return t.getRawToken() == null ? Optional.empty() : Optional.of(t);
    }
}
