package org.dialoog.conventions.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.dialoog.conventions.config.ApiConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jspecify.annotations.Nullable;

/**
 * Our URLs start where clients reach us, not where a request claims they do. Location and Link
 * headers are built from UriInfo's base, which this filter sets to {@code dialoog.api.public-base-url}
 * or, when that is unset, to the address the connection arrived at: a request's {@code Host},
 * {@code X-Forwarded-Host} or {@code Forwarded} header cannot make our answer point elsewhere.
 * Path and query stay exactly as routed and read.
 */
@Singleton
public class PublicBaseUrl {

    private static final String QUERY_CHARACTERS = "-_.!~*'();/?:@&=+$,";

    // Filters are created while Quarkus starts statically, before runtime configuration exists.
    private final Provider<ApiConfig> config;
    private volatile @Nullable URI configured;
    private volatile boolean resolved;

    PublicBaseUrl(Provider<ApiConfig> config) {
        this.config = config;
    }

    /** A wrong public base URL stops the service at its start, not at its first request. */
    void checkAtStart(@Observes StartupEvent start) {
        configured();
    }

    private @Nullable URI configured() {
        if (!resolved) {
            configured = config.get().publicBaseUrl().map(PublicBaseUrl::origin).orElse(null);
            resolved = true;
        }
        return configured;
    }

    /** After the filters that refuse bad input ({@code InputParams}), before matching. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void startAtOurBase(ContainerRequestContext request, RoutingContext routing) {
        HttpServerRequest http = routing.request();
        URI base = configured();
        if (base == null) {
            // the connection itself, not the request: a forwarding wrapper may report a forwarded scheme
            HttpConnection connection = http.connection();
            base = connection == null
                    ? arrivedAt(http.isSSL(), http.localAddress())
                    : arrivedAt(connection.isSsl(), connection.localAddress());
        }
        request.setRequestUri(base, requestUri(base, routing.normalizedPath(), http.query()));
    }

    /** The configured public base URL as an origin: scheme, host and port, nothing else. */
    static URI origin(URI configured) {
        String scheme = configured.getScheme();
        String path = configured.getRawPath();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || configured.getHost() == null
                || configured.getRawUserInfo() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))
                || configured.getRawQuery() != null
                || configured.getRawFragment() != null) {
            throw new IllegalArgumentException("dialoog.api.public-base-url (DIALOOG_PUBLIC_BASE_URL) must be "
                    + "scheme://host[:port] without a path, for example https://api.dialoog.example; it is "
                    + configured);
        }
        return URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + configured.getRawAuthority());
    }

    /** The local end of the connection: the address and port a client actually connected to. */
    static URI arrivedAt(boolean tls, @Nullable SocketAddress local) {
        String host = local == null ? null : local.hostAddress();
        if ((host == null || host.isEmpty()) && local != null) {
            host = local.host();
        }
        if (host == null || host.isEmpty()) {
            host = "localhost";
        }
        int zone = host.indexOf('%'); // an IPv6 scope (fe80::1%eth0) has no place in a URL
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        int port = local == null ? -1 : local.port();
        return URI.create((tls ? "https" : "http") + "://" + host + (port > 0 ? ":" + port : ""));
    }

    /**
     * The request's URI on {@code base}. RESTEasy routes on the decoded path of what it is given, so
     * the path is quoted here to decode back to exactly the path Vert.x normalised and routing
     * would otherwise use; the query keeps its encoding, so the parameters read the same.
     */
    static URI requestUri(URI base, String path, @Nullable String query) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        String rawPath;
        try {
            // A placeholder authority: without one, a path starting with // would be read as a host.
            rawPath = new URI("http", "localhost", absolute, null, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A quoted path is always a valid URI path: " + e.getMessage(), e);
        }
        return URI.create(base + rawPath + (query == null ? "" : "?" + legalQuery(query)));
    }

    /**
     * The query as sent, with what java.net.URI refuses percent-encoded (as UTF-8, which is how
     * Vert.x decodes parameters): the same parameters once decoded. It ends before a '#', as
     * Vert.x reads it.
     */
    static String legalQuery(String query) {
        int end = query.indexOf('#');
        end = end < 0 ? query.length() : end;
        StringBuilder legal = new StringBuilder(end + 16);
        int i = 0;
        while (i < end) {
            char c = query.charAt(i);
            if (c == '%' && i + 2 < end && isHex(query.charAt(i + 1)) && isHex(query.charAt(i + 2))) {
                legal.append(query, i, i + 3);
                i += 3;
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || QUERY_CHARACTERS.indexOf(c) >= 0)) {
                legal.append(c);
                i++;
            } else {
                int codePoint = query.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    legal.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
                i += Character.charCount(codePoint);
            }
        }
        return legal.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
