package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.admin;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.dialoog.session.Api.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

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

/** Scheduling against engagements known only from real engagement events on Kafka. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class SessionSchedulingTest {

    private static EngagementEventsFixture events;

    @Inject
    DataSource dataSource;

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
    void unknownEngagementIsNotYetKnownNamingTheField() {
        facilitator()
                .body(session(UUID.randomUUID(), nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:dialoog:problem:not-yet-known"))
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItem("engagementId"));
    }

    @Test
    void draftEngagementIs409() {
        UUID engagement = UUID.randomUUID();
        events.created(engagement, Api.TENANT, "DRAFT");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> facilitator()
                        .body(session(engagement, nextWeek()))
                        .post("/api/v1/sessions")
                        .then()
                        .statusCode(409)
                        .body("detail", containsString("DRAFT")));
    }

    @Test
    void activeEngagementGetsSessionsStoredAndAnnounced() throws Exception {
        UUID engagement = activeEngagement();
        String id = facilitator()
                .body(session(engagement, nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/sessions/"))
                .body("status", equalTo("PLANNED"))
                .body("facilitators", hasItem(Api.FACILITATOR_ID))
                .extract()
                .path("id");

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select engagement_id, tenant from session where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isEqualTo(engagement);
                assertThat(rs.getString(2)).isEqualTo(Api.TENANT);
            }
        }
        ConsumerRecord<String, String> event = TopicReader.first(
                "dialoog.sessions",
                r -> engagement.toString().equals(r.key()) && r.value().contains(id));
        assertThat(TopicReader.header(event, "ce_type")).isEqualTo("nl.dialoog.session.session-scheduled.v1");
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo(id);
        assertThat(event.value()).contains(id);
    }

    @Test
    void anotherTenantsEngagementIsUnknown() {
        UUID engagement = activeEngagement();
        Api.as("fac-x", "facilitator", "other")
                .body(session(engagement, nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:dialoog:problem:not-yet-known"))
                .body("invalidParams.name", hasItem("engagementId"));
    }

    @Test
    void redeliveredEventChangesNothing() {
        UUID engagement = UUID.randomUUID();
        String createdId = UUID.randomUUID().toString();
        String created = """
                {"engagementId":"%s","tenant":"demo","reference":"ENG-2026-0002","title":"Once","kind":"PROCESS_FACILITATION",\
                "status":"DRAFT","phase":"EXPLORATION","objectives":[],"facilitators":["fac-anna"],"version":0}""".formatted(engagement);
        events.send(createdId, "nl.dialoog.engagement.engagement-created.v1", engagement, Api.TENANT, created);
        events.statusChanged(engagement, Api.TENANT, "DRAFT", "ACTIVE");
        awaitSchedulable(engagement);
        // The created event again: applied twice it would set the engagement back to DRAFT.
        events.send(createdId, "nl.dialoog.engagement.engagement-created.v1", engagement, Api.TENANT, created);
        String marker = events.statusChanged(UUID.randomUUID(), Api.TENANT, "DRAFT", "ACTIVE");
        assertThat(marker).isNotBlank();
        await().pollDelay(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> facilitator()
                        .body(session(engagement, nextWeek()))
                        .post("/api/v1/sessions")
                        .then()
                        .statusCode(201));
    }

    @Test
    void poisonEventGoesToDeadLetterTopicAndTheNextIsApplied() {
        UUID engagement = UUID.randomUUID();
        ProducerRecord<String, String> poison =
                new ProducerRecord<>(EngagementEventsFixture.TOPIC, engagement.toString(), "{not json");
        poison.headers()
                .add("ce_id", "poison-1".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "nl.dialoog.engagement.engagement-created.v1".getBytes(StandardCharsets.UTF_8))
                .add("ce_tenant", "demo".getBytes(StandardCharsets.UTF_8));
        events.sendRaw(poison, "poison-1");
        events.created(engagement, Api.TENANT, "ACTIVE");
        awaitSchedulable(engagement);
        ConsumerRecord<String, String> dead = TopicReader.first(
                "dialoog.dead-letters.session-service",
                r -> engagement.toString().equals(r.key()));
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("not JSON");
    }

    private UUID activeEngagement() {
        UUID engagement = UUID.randomUUID();
        events.created(engagement, Api.TENANT, "DRAFT");
        events.statusChanged(engagement, Api.TENANT, "DRAFT", "ACTIVE");
        awaitSchedulable(engagement);
        return engagement;
    }

    /** Known and active once the events are applied: a probe session then succeeds, far in the past so it blocks nothing. */
    private static void awaitSchedulable(UUID engagement) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> admin().body(session(engagement, nextWeek().minusYears(5)))
                        .post("/api/v1/sessions")
                        .then()
                        .statusCode(201));
    }
}
