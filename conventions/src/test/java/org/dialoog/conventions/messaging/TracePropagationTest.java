package org.dialoog.conventions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.dialoog.conventions.config.OutboxConfig;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.OtlpReceiver;
import org.dialoog.testkit.OtlpReceiver.ReceivedSpan;
import org.dialoog.testkit.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from the HTTP request through the outbox and Kafka to the consumer's effect, as exported
 * over OTLP to a receiver the test starts: the request's server span, the relay's publish span (a
 * child of it, and the record's {@code traceparent}), the consumer's process span (a child of that).
 */
@QuarkusTest
@TestProfile(TracePropagationTest.Exported.class)
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    /** The exporter is switched on at build time, hence a profile of its own (one more application start). */
    public static class Exported implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpReceiver.class));
        }
    }

    @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint")
    String receiver;

    @Inject
    OutboxConfig config;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theCallersTraceReachesTheConsumersSpanThroughTheOutboxAndKafka() {
        String title = "Traced " + UUID.randomUUID();
        String id = Api.admin()
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .body(Map.of("title", title))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String topic = config.topic();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(span(ReceivedSpan.CONSUMER, "process " + topic, id))
                        .isPresent());
        List<ReceivedSpan> trace = OtlpReceiver.spans(receiver).stream()
                .filter(s -> s.traceId().equals(TRACE_ID))
                .toList();
        ReceivedSpan request = trace.stream()
                .filter(s -> s.kind() == ReceivedSpan.SERVER && s.name().equals("POST /api/v1/notes"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span in " + trace));
        ReceivedSpan publish =
                span(ReceivedSpan.PRODUCER, "publish " + topic, id).orElseThrow();
        ReceivedSpan process =
                span(ReceivedSpan.CONSUMER, "process " + topic, id).orElseThrow();

        assertThat(request.parentSpanId())
                .as("the request continues the caller's span")
                .isEqualTo(CALLER_SPAN);
        assertThat(publish.traceId()).isEqualTo(TRACE_ID);
        assertThat(publish.parentSpanId())
                .as("the relay publishes in the trace the outbox row kept")
                .isEqualTo(request.spanId());
        assertThat(process.traceId()).isEqualTo(TRACE_ID);
        assertThat(process.parentSpanId())
                .as("the consumer continues the producer's span")
                .isEqualTo(publish.spanId());
        assertThat(process.service()).isEqualTo("conventions-test");
        assertThat(process.attributes())
                .containsEntry("messaging.system", "kafka")
                .containsEntry("messaging.destination.name", topic)
                .containsEntry("messaging.consumer.group.name", "note-events");

        var record = TopicReader.first(topic, r -> id.equals(r.key()));
        assertThat(TopicReader.header(record, "traceparent"))
                .as("the one trace header on the event is the publish span's context")
                .isEqualTo("00-" + TRACE_ID + "-" + publish.spanId() + "-01");
    }

    @Test
    void aPersonalLinkCodeDoesNotReachTheTrace() {
        String trace = "5cf92f3577b34da6a3ce929d0e0e4736";
        String code = "SecretCode" + UUID.randomUUID().toString().replace("-", "");
        io.restassured.RestAssured.given()
                .header("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-01")
                .get("/api/v1/personal-invitations/" + code)
                .then()
                .statusCode(404);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(OtlpReceiver.spans(receiver).stream()
                                .filter(s -> s.traceId().equals(trace) && s.kind() == ReceivedSpan.SERVER))
                        .isNotEmpty());
        List<ReceivedSpan> spans = OtlpReceiver.spans(receiver).stream()
                .filter(s -> s.traceId().equals(trace))
                .toList();
        assertThat(spans.toString()).doesNotContain(code).contains("personal-invitations/{code}");
    }

    /** The span of this kind and name about the note's event (the note id is the record key). */
    private Optional<ReceivedSpan> span(int kind, String name, String noteId) {
        return OtlpReceiver.spans(receiver).stream()
                .filter(s -> s.kind() == kind && s.name().equals(name))
                .filter(s -> s.traceId().equals(TRACE_ID))
                .filter(s -> noteId.equals(s.attributes().get("messaging.kafka.message.key")))
                .findFirst();
    }
}
