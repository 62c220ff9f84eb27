package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.admin;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.dialoog.session.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Closing an engagement cancels its sessions still to come, in the trace of the change that closed it. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class EngagementClosureTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static EngagementEventsFixture events;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new EngagementEventsFixture();
    }

    @AfterAll
    static void tearDown() {
        events.close();
    }

    @Test
    void concludingAnEngagementCancelsItsUpcomingSessionsAndTellsEveryone() {
        UUID engagement = UUID.randomUUID();
        events.created(engagement, Api.TENANT, "ACTIVE");
        String past = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> admin().body(session(engagement, nextWeek().minusYears(1)))
                                .post("/api/v1/sessions")
                                .then()
                                .extract()
                                .<String>path("id"),
                        id -> id != null);
        String upcoming = facilitator()
                .body(session(engagement, nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        ProducerRecord<String, String> concluded = new ProducerRecord<>(
                EngagementEventsFixture.TOPIC,
                engagement.toString(),
                "{\"engagementId\":\"%s\",\"tenant\":\"demo\",\"from\":\"ACTIVE\",\"to\":\"CONCLUDED\",\"reason\":\"Agreement reached\"}"
                        .formatted(engagement));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_source",
                        "urn:dialoog:engagement-service",
                        "ce_type",
                        "nl.dialoog.engagement.engagement-status-changed.v1",
                        "ce_subject",
                        engagement.toString(),
                        "ce_time",
                        OffsetDateTime.now(ZoneOffset.UTC).toString(),
                        "ce_tenant",
                        "demo",
                        "content-type",
                        "application/json",
                        "traceparent",
                        "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .forEach((k, v) -> concluded.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        events.sendRaw(concluded, "concluded");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> admin().get("/api/v1/sessions/" + upcoming)
                        .then()
                        .body("status", equalTo("CANCELLED"))
                        .body("cancelReason", containsString("Agreement reached")));
        admin().get("/api/v1/sessions/" + past).then().body("status", equalTo("PLANNED"));

        ConsumerRecord<String, String> cancelled = TopicReader.first(
                "dialoog.sessions",
                r -> engagement.toString().equals(r.key()) && r.value().contains("Agreement reached"));
        assertThat(TopicReader.header(cancelled, "ce_type")).isEqualTo("nl.dialoog.session.session-cancelled.v1");
        assertThat(TopicReader.header(cancelled, "ce_subject")).isEqualTo(upcoming);
        assertThat(TopicReader.header(cancelled, "traceparent")).startsWith("00-" + TRACE_ID + "-");
    }

    @Test
    void aFacilitatorCancelsAPlannedSessionOnce() {
        UUID engagement = UUID.randomUUID();
        events.created(engagement, Api.TENANT, "ACTIVE");
        String id = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> facilitator()
                                .body(session(engagement, nextWeek()))
                                .post("/api/v1/sessions")
                                .then()
                                .extract()
                                .<String>path("id"),
                        s -> s != null);
        facilitator()
                .body(Map.of("reason", "The venue is unavailable."))
                .post("/api/v1/sessions/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        facilitator()
                .body(Map.of("reason", "Again"))
                .post("/api/v1/sessions/" + id + "/cancel")
                .then()
                .statusCode(409);
        facilitator()
                .body(Map.of("reason", ""))
                .post("/api/v1/sessions/" + id + "/cancel")
                .then()
                .statusCode(400);
    }
}
