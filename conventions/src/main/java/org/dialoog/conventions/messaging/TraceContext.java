package org.dialoog.conventions.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import io.vertx.core.http.HttpServerRequest;
import org.jspecify.annotations.Nullable;

/**
 * The W3C trace context of the current work: the incoming request's {@code traceparent}
 * (or a new one), carried into outbox rows and from there into Kafka headers.
 */
@RequestScoped
public class TraceContext {

    private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Instance<HttpServerRequest> request;
    private @Nullable String traceparent;

    TraceContext(Instance<HttpServerRequest> request) {
        this.request = request;
    }

    /** Continues a trace that arrived with an event. */
    public void continueFrom(@Nullable String incoming) {
        if (incoming != null && VALID.matcher(incoming).matches()) {
            traceparent = child(incoming);
        }
    }

    public String current() {
        if (traceparent == null) {
            String incoming = request.isResolvable() ? headerOrNull() : null;
            traceparent = incoming != null && VALID.matcher(incoming).matches() ? child(incoming) : root();
        }
        return traceparent;
    }

    private @Nullable String headerOrNull() {
        try {
            return request.get().getHeader("traceparent");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Same trace id, new span id: this service's work is a child of the caller's span. */
    private static String child(String parent) {
        return parent.substring(0, 36) + hex(8) + parent.substring(52);
    }

    private static String root() {
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
