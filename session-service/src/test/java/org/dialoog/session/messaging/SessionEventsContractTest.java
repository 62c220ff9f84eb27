package org.dialoog.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.session.Api;
import org.dialoog.session.events.EventTypes;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every event type session-service publishes (all of EventTypes' own) is published here at least once, and every
 * record, headers and payload, matches docs/asyncapi/session-service.json; none carries personal data.
 */
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
        facilitator()
                .body(Map.of(
                        "decisions", List.of(Map.of("text", "Het plein blijft autovrij")),
                        "actions",
                                List.of(
                                        Map.of(
                                                "what", "Raad informeren",
                                                "ownerPartyId",
                                                        e.parties().get(0).toString(),
                                                "dueDate", "2030-01-31",
                                                "status", "OPEN"),
                                        Map.of(
                                                "what", "Verslag delen",
                                                "ownerPartyId",
                                                        e.parties().get(0).toString(),
                                                "status", "DONE"))))
                .put("/api/v1/sessions/{id}/outcome", held)
                .then()
                .statusCode(201);
        String other = Api.scheduleWith(e.id(), Api.nextWeek(), Map.of());
        facilitator()
                .body(Map.of("reason", "Dubbel gepland"))
                .post("/api/v1/sessions/{id}/cancel", other)
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> published =
                TopicReader.read(EventTypes.TOPIC, r -> e.id().toString().equals(r.key()), 7, Duration.ofSeconds(30));
        assertThat(published).hasSize(7);
        DocumentedEvents.assertContract("session-service", EventTypes.class, published);
        for (ConsumerRecord<String, String> r : published) {
            assertThat(TopicReader.header(r, "ce_tenant")).isEqualTo(Api.TENANT);
            assertThat(r.value()).doesNotContain("@", "autovrij", "Raad informeren", "Verslag delen");
        }
    }
}
