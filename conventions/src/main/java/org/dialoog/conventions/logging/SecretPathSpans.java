package org.dialoog.conventions.logging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps personal-link codes and calendar-feed secrets out of exported traces: a server span's path
 * and URL attributes are rewritten by {@link SecretPaths} as the span starts (its name is the route
 * template already).
 */
@ApplicationScoped
public class SecretPathSpans implements SpanProcessor {

    private static final List<AttributeKey<String>> PATHS = List.of(
            AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : PATHS) {
            String value = span.getAttribute(key);
            if (value != null) {
                String redacted = SecretPaths.redact(value);
                if (!redacted.equals(value)) {
                    span.setAttribute(key, redacted);
                }
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
