package org.dialoog.conventions.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The headers every Dialoog event carries: each name once, the data schema named after the type. */
class CloudEventsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static CloudEvents.Attributes attributes() {
        return new CloudEvents.Attributes(
                UUID.randomUUID().toString(),
                "urn:dialoog:session-service",
                "nl.dialoog.session.session-scheduled.v1",
                UUID.randomUUID().toString(),
                OffsetDateTime.of(2026, 3, 12, 18, 30, 0, 0, ZoneOffset.UTC),
                "demo",
                TRACEPARENT);
    }

    private static List<String> names(Headers h) {
        List<String> names = new ArrayList<>();
        for (Header header : h) {
            names.add(header.key());
        }
        return names;
    }

    @Test
    void everyHeaderIsWrittenOnceAndTheTraceOnlyAsTraceparent() {
        Headers h = new RecordHeaders();
        CloudEvents.writeHeaders(h, attributes());
        // a record that already carried some of them (a retry, an instrumented client) still has each once
        CloudEvents.writeHeaders(h, attributes());

        assertThat(names(h))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_tenant",
                        "ce_dataschema",
                        "content-type",
                        "traceparent");
        assertThat(CloudEvents.header(h, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(CloudEvents.header(h, "ce_time")).isEqualTo("2026-03-12T18:30:00Z");
    }

    @Test
    void theDataSchemaIsTheTypesSchemaInTheProducersAsyncApiDocument() {
        Headers h = new RecordHeaders();
        CloudEvents.writeHeaders(h, attributes());

        assertThat(CloudEvents.header(h, "ce_dataschema"))
                .isEqualTo("urn:dialoog:session-service:asyncapi#/components/schemas/"
                        + "nl.dialoog.session.session-scheduled.v1");
    }

    @Test
    void anEventWithoutATraceHasNoTraceHeader() {
        CloudEvents.Attributes a = attributes();
        Headers h = new RecordHeaders();
        CloudEvents.writeHeaders(
                h, new CloudEvents.Attributes(a.id(), a.source(), a.type(), a.subject(), a.time(), a.tenant(), null));

        assertThat(names(h)).doesNotContain("traceparent", "ce_traceparent", "tracestate");
    }
}
