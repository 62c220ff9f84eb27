package org.dialoog.conventions.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/** CloudEvents 1.0 in Kafka's binary binding: attributes as {@code ce_*} headers, the data as the JSON value. */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";

    private CloudEvents() {}

    /** The attributes Dialoog events carry; {@code tenant} is an extension attribute, {@code traceparent} W3C's. */
    public record Attributes(
            String id,
            String source,
            String type,
            String subject,
            OffsetDateTime time,
            String tenant,
            String traceparent) {}

    public static void writeHeaders(Headers h, Attributes a) {
        put(h, "ce_specversion", SPEC_VERSION);
        put(h, "ce_id", a.id());
        put(h, "ce_source", a.source());
        put(h, "ce_type", a.type());
        put(h, "ce_subject", a.subject());
        put(h, "ce_time", a.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        put(h, "ce_tenant", a.tenant());
        put(h, "content-type", "application/json");
        if (a.traceparent() != null) {
            put(h, "traceparent", a.traceparent());
            put(h, "ce_traceparent", a.traceparent());
        }
    }

    /** The value of a header, or null. */
    public static @Nullable String header(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers h, String name, String value) {
        if (value != null) {
            h.remove(name);
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
