package org.dialoog.conventions.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * CloudEvents 1.0 in Kafka's binary binding: attributes as {@code ce_*} headers, the data as the JSON value.
 * Every header is written once per record: writing one again replaces it.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";

    /**
     * Where a producer's data schemas live: {@code <source>:asyncapi} names its AsyncAPI document
     * ({@code docs/asyncapi/<service>.json}), whose {@code components/schemas} hold one schema per event type.
     */
    static final String SCHEMAS = ":asyncapi#/components/schemas/";

    private CloudEvents() {}

    /** The attributes Dialoog events carry; {@code tenant} is an extension attribute, {@code traceparent} W3C's. */
    public record Attributes(
            String id,
            String source,
            String type,
            String subject,
            OffsetDateTime time,
            String tenant,
            @Nullable String traceparent) {}

    /**
     * The {@code dataschema} of an event: the schema of its type in its producer's AsyncAPI document, e.g.
     * {@code urn:dialoog:session-service:asyncapi#/components/schemas/nl.dialoog.session.session-scheduled.v1}.
     */
    public static String dataschema(String source, String type) {
        return source + SCHEMAS + type;
    }

    public static void writeHeaders(Headers h, Attributes a) {
        put(h, "ce_specversion", SPEC_VERSION);
        put(h, "ce_id", a.id());
        put(h, "ce_source", a.source());
        put(h, "ce_type", a.type());
        put(h, "ce_subject", a.subject());
        put(h, "ce_time", a.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        put(h, "ce_tenant", a.tenant());
        put(h, "ce_dataschema", dataschema(a.source(), a.type()));
        put(h, "content-type", "application/json");
        // The trace context travels once, as W3C's Kafka header (what OpenTelemetry's Kafka instrumentation reads
        // and writes). Not also as the CloudEvents tracing extension ce_traceparent: one trace, one header.
        put(h, "traceparent", a.traceparent());
    }

    /** The value of a header, or null. */
    public static @Nullable String header(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sets a header to one value: any earlier value of that name is removed first. */
    private static void put(Headers h, String name, @Nullable String value) {
        if (value != null) {
            h.remove(name);
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
