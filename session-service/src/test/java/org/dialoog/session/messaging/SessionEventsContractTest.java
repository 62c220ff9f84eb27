package org.dialoog.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.session.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every event type session-service publishes matches docs/asyncapi/session-service.json, and carries no personal data. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class SessionEventsContractTest {

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
    void everySessionEventMatchesItsDocumentedContract() {
        Api.Engagement e = Api.activeEngagement(events, 2);
        UUID participant = e.allParticipants().get(0);
        OffsetDateTime started =
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).withNano(0);
        String held =
                Api.scheduleWith(e.id(), started, Map.of("facilitators", List.of("fac-contract-" + UUID.randomUUID())));
        facilitator()
                .body(Map.of("participantIds", List.of(participant)))
                .post("/api/v1/sessions/{id}/invitations", held)
                .then()
                .statusCode(200);
        facilitator()
                .body(Map.of("response", "ACCEPTED"))
                .put("/api/v1/sessions/{id}/invitations/{p}", held, participant)
                .then()
                .statusCode(200);
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("endsAt", started.plusHours(3).toString()))
                .patch("/api/v1/sessions/{id}", held)
                .then()
                .statusCode(200);
        facilitator()
                .body(List.of(Map.of("participantId", participant, "present", true)))
                .put("/api/v1/sessions/{id}/attendance", held)
                .then()
                .statusCode(200);
        facilitator().post("/api/v1/sessions/{id}/complete", held).then().statusCode(200);
        String other = Api.scheduleWith(e.id(), Api.nextWeek(), Map.of());
        facilitator()
                .body(Map.of("reason", "Dubbel gepland"))
                .post("/api/v1/sessions/{id}/cancel", other)
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> published =
                TopicReader.read("dialoog.sessions", r -> e.id().toString().equals(r.key()), 6, Duration.ofSeconds(30));
        assertThat(published).hasSize(6);
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, String> r : published) {
            String type = Objects.requireNonNull(TopicReader.header(r, "ce_type"), "every event carries ce_type");
            types.add(type);
            assertThat(DocumentedEvents.problems("session-service", type, r.value()))
                    .isEmpty();
            assertThat(TopicReader.header(r, "ce_source")).isEqualTo("urn:dialoog:session-service");
            assertThat(TopicReader.header(r, "ce_tenant")).isEqualTo(Api.TENANT);
            assertThat(r.value()).doesNotContain("@");
        }
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "nl.dialoog.session.session-scheduled.v1",
                        "nl.dialoog.session.invitation-responded.v1",
                        "nl.dialoog.session.session-rescheduled.v1",
                        "nl.dialoog.session.session-completed.v1",
                        "nl.dialoog.session.session-cancelled.v1");
    }
}
