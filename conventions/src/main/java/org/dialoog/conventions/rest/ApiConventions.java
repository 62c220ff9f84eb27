package org.dialoog.conventions.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.dialoog.conventions.config.ApiConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP conventions every response shares, applied below JAX-RS so they cover errors,
 * unknown paths and the Quarkus endpoints too: API-Version, security headers, no-store on the
 * API (authenticated GETs revalidate instead: {@link ConditionalGets}), 404 problems for trailing slashes and unknown paths, and the OpenAPI document's alias.
 */
@ApplicationScoped
public class ApiConventions {

    static final String API_PREFIX = "/api/";
    private static final String OPENAPI_ALIAS = "/api/v1/openapi.json";

    private final ApiConfig config;
    private final ObjectMapper json;
    private final long maxBodySize;

    ApiConventions(
            ApiConfig config,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                    MemorySize maxBodySize) {
        this.config = config;
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void headers(@Observes Filters filters) {
        filters.register(this::applyHeaders, 1000);
    }

    void routes(@Observes Router router) {
        router.get(OPENAPI_ALIAS).order(-10).handler(rc -> rc.reroute("/q/openapi?format=json"));
        router.route().last().handler(rc -> problem(rc, 404, "Not Found", "No resource at this path."));
    }

    private void applyHeaders(RoutingContext rc) {
        String path = rc.normalizedPath();
        var headers = rc.response().headers();
        headers.set("API-Version", config.version());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        if (path.startsWith("/q/openapi") || path.equals(OPENAPI_ALIAS)) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else if (path.startsWith(API_PREFIX)) {
            // no-store, unless the answer says otherwise (an authenticated GET: ConditionalGets)
            rc.addHeadersEndHandler(v -> {
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        // Quarkus itself would answer an empty 413; a declared length over the limit gets a problem first.
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null
                && length.chars().allMatch(Character::isDigit)
                && length.length() < 19
                && Long.parseLong(length) > maxBodySize) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            problem(
                    rc,
                    413,
                    "Content Too Large",
                    "The request body is " + length + " bytes; at most " + maxBodySize + " are accepted.");
            return;
        }
        // Quarkus would route /engagements/ to /engagements; our URIs have no trailing slash.
        if (path.length() > 1 && path.endsWith("/") && path.startsWith(API_PREFIX)) {
            problem(rc, 404, "Not Found", "No resource at this path: leave off the trailing slash.");
            return;
        }
        rc.next();
    }

    private void problem(RoutingContext rc, int status, String title, String detail) {
        try {
            String body = json.writeValueAsString(Problem.of(status, title, detail, rc.normalizedPath()));
            rc.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
