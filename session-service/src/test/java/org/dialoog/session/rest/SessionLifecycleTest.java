package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.admin;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conflicts, rescheduling, attendance, completion, filters: a session's life and the events it leaves. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class SessionLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void aFacilitatorAlreadyBookedInAnOverlappingSessionIs409NamingThatSession() {
        Api.Engagement e = Api.activeEngagement(events);
        OffsetDateTime start = nextWeek();
        String first = Api.scheduleWith(e.id(), start, Map.of("facilitators", List.of("fac-anna", "fac-carla")));
        Map<String, Object> overlapping = new HashMap<>(Api.session(e.id(), start.plusMinutes(90)));
        overlapping.put("facilitators", List.of("fac-carla"));
        facilitator()
                .body(overlapping)
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("fac-carla"))
                .body("detail", containsString(first));
        // right after it is fine
        overlapping.put("startsAt", start.plusHours(2).toString());
        overlapping.put("endsAt", start.plusHours(4).toString());
        facilitator().body(overlapping).post("/api/v1/sessions").then().statusCode(201);
    }

    @Test
    void aClashWithASessionOfAnEngagementTheCallerCannotSeeNamesNeitherItsTitleNorItsId() {
        String otherFacilitator = "fac-bert-" + UUID.randomUUID();
        String shared = "fac-shared-" + UUID.randomUUID();
        UUID theirs = activeEngagementFacilitatedBy(otherFacilitator);
        Api.Engagement mine = Api.activeEngagement(events);
        OffsetDateTime start = nextWeek();
        String secretTitle = "Vertrouwelijk overleg " + UUID.randomUUID();
        Map<String, Object> theirSession = new HashMap<>(Api.session(theirs, start));
        theirSession.put("title", secretTitle);
        theirSession.put("facilitators", List.of(shared));
        String hidden = Api.as(otherFacilitator, "facilitator", Api.TENANT)
                .body(theirSession)
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> clashing = new HashMap<>(Api.session(mine.id(), start.plusMinutes(30)));
        clashing.put("facilitators", List.of(shared));
        facilitator()
                .body(clashing)
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(shared))
                .body("detail", containsString("another session at an overlapping time"))
                .body(not(containsString(secretTitle)))
                .body(not(containsString(hidden)));
        // an admin may see both engagements, and is told which session it is
        admin().body(clashing)
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .body("detail", containsString(hidden))
                .body("detail", containsString(secretTitle));
    }

    /** An ACTIVE engagement of another facilitator, as engagement-service documents its creation. */
    private static UUID activeEngagementFacilitatedBy(String facilitatorId) {
        UUID id = UUID.randomUUID();
        String type = "nl.dialoog.engagement.engagement-created.v1";
        events.send(
                UUID.randomUUID().toString(),
                type,
                id,
                Api.TENANT,
                DocumentedEvents.example(
                        "engagement-service",
                        type,
                        Map.of(
                                "engagementId",
                                id.toString(),
                                "tenant",
                                Api.TENANT,
                                "status",
                                "ACTIVE",
                                "facilitators",
                                List.of(facilitatorId))));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Api.count(
                                "select count(*) from known_engagement where id = ? and status = 'ACTIVE'", id))
                        .isEqualTo(1));
        return id;
    }

    @Test
    void reschedulingKeepsInvitationsRaisesTheSequenceAndTellsTheInvitees() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 2);
        OffsetDateTime start = nextWeek();
        String id = Api.scheduleWith(e.id(), start, Map.of());
        facilitator()
                .body(Map.of("partyIds", e.parties()))
                .post("/api/v1/sessions/{id}/invitations", id)
                .then()
                .statusCode(200);
        String etag =
                facilitator().get("/api/v1/sessions/{id}", id).then().extract().header("ETag");

        OffsetDateTime later = nextWeek(); // a later slot of its own: overlapping fac-anna elsewhere would be a 409
        facilitator()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of(
                        "startsAt",
                        later.toString(),
                        "endsAt",
                        later.plusHours(2).toString()))
                .patch("/api/v1/sessions/{id}", id)
                .then()
                .statusCode(200)
                .body("sequence", equalTo(1));
        facilitator()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("title", "Too late"))
                .patch("/api/v1/sessions/{id}", id)
                .then()
                .statusCode(412);
        facilitator().get("/api/v1/sessions/{id}/invitations", id).then().body("total", equalTo(2));

        ConsumerRecord<String, String> event = TopicReader.first(
                "dialoog.sessions",
                r -> r.value().contains(id)
                        && "nl.dialoog.session.session-rescheduled.v1".equals(TopicReader.header(r, "ce_type")));
        JsonNode data = JSON.readTree(event.value());
        assertThat(OffsetDateTime.parse(data.get("previousStartsAt").asText())).isEqualTo(start);
        assertThat(OffsetDateTime.parse(data.get("startsAt").asText())).isEqualTo(later);
        assertThat(data.get("invitees")).hasSize(2);
    }

    @Test
    void aPatchThatBreaksARuleChangesNothing() {
        Api.Engagement e = Api.activeEngagement(events);
        OffsetDateTime start = nextWeek();
        String id = Api.scheduleWith(e.id(), start, Map.of());
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("endsAt", start.minusHours(1).toString(), "type", "WORKSHOP", "timeZone", "Mars/Olympus"))
                .patch("/api/v1/sessions/{id}", id)
                .then()
                .statusCode(400)
                .body("invalidParams.name", equalTo(List.of("endsAt", "timeZone", "type")));
        facilitator()
                .get("/api/v1/sessions/{id}", id)
                .then()
                .body("type", equalTo("DIALOGUE_SESSION"))
                .body("version", equalTo(0));
    }

    @Test
    void completionNeedsAStartedSessionAndItsEventCarriesTheAttendeesWithTheirParties() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 2, 1);
        UUID partyA = e.parties().get(0);
        UUID partyB = e.parties().get(1);
        String future = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .post("/api/v1/sessions/{id}/complete", future)
                .then()
                .statusCode(409)
                .body("detail", containsString("started"));
        facilitator()
                .body(List.of(Map.of("participantId", e.allParticipants().get(0), "present", true)))
                .put("/api/v1/sessions/{id}/attendance", future)
                .then()
                .statusCode(409);

        OffsetDateTime anHourAgo =
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        String held =
                Api.scheduleWith(e.id(), anHourAgo, Map.of("facilitators", List.of("fac-held-" + UUID.randomUUID())));
        UUID a1 = e.participants(partyA).get(0);
        UUID a2 = e.participants(partyA).get(1);
        UUID b1 = e.participants(partyB).get(0);
        facilitator()
                .body(List.of(
                        Map.of("participantId", a1, "present", true),
                        Map.of("participantId", a2, "present", false),
                        Map.of("participantId", b1, "present", true),
                        Map.of("participantId", UUID.randomUUID(), "present", true)))
                .put("/api/v1/sessions/{id}/attendance", held)
                .then()
                .statusCode(400)
                .body("invalidParams.name", equalTo(List.of("[3].participantId")));
        facilitator()
                .body(List.of(
                        Map.of("participantId", a1, "present", true),
                        Map.of("participantId", a2, "present", false),
                        Map.of("participantId", b1, "present", true)))
                .put("/api/v1/sessions/{id}/attendance", held)
                .then()
                .statusCode(200)
                .body("size()", equalTo(3));
        facilitator()
                .post("/api/v1/sessions/{id}/complete", held)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        facilitator().post("/api/v1/sessions/{id}/complete", held).then().statusCode(409);

        ConsumerRecord<String, String> event = TopicReader.first(
                "dialoog.sessions",
                r -> r.value().contains(held)
                        && "nl.dialoog.session.session-completed.v1".equals(TopicReader.header(r, "ce_type")));
        assertThat(event.key()).isEqualTo(e.id().toString());
        JsonNode attendees = JSON.readTree(event.value()).get("attendees");
        assertThat(attendees).hasSize(2);
        assertThat(attendees.findValuesAsText("participantId")).containsExactlyInAnyOrder(a1.toString(), b1.toString());
        assertThat(attendees.findValuesAsText("partyId"))
                .containsExactlyInAnyOrder(partyA.toString(), partyB.toString());
    }

    @Test
    void listsFilterByTimeTypeStatusAndFacilitator() {
        Api.Engagement e = Api.activeEngagement(events);
        OffsetDateTime base = OffsetDateTime.parse("2032-05-01T09:00:00Z");
        String workshop =
                Api.scheduleWith(e.id(), base, Map.of("type", "WORKSHOP", "facilitators", List.of("fac-filter")));
        String dialogue = Api.scheduleWith(e.id(), base.plusDays(1), Map.of());
        String cancelled = Api.scheduleWith(e.id(), base.plusDays(2), Map.of());
        facilitator()
                .body(Map.of("reason", "No quorum"))
                .post("/api/v1/sessions/{id}/cancel", cancelled)
                .then()
                .statusCode(200);
        String q = "/api/v1/sessions?engagementId=" + e.id();

        admin().get(q + "&type=WORKSHOP").then().body("items.id", equalTo(List.of(workshop)));
        admin().get(q + "&status=CANCELLED").then().body("items.id", equalTo(List.of(cancelled)));
        admin().get(q + "&facilitator=fac-filter").then().body("items.id", equalTo(List.of(workshop)));
        admin().queryParam("from", base.plusHours(12).toString())
                .queryParam("to", base.plusDays(2).toString())
                .get(q)
                .then()
                .body("items.id", equalTo(List.of(dialogue)));
        admin().get(q + "&from=yesterday").then().statusCode(400).body("invalidParams.name", hasItem("from"));
        admin().get(q + "&status=DONE").then().statusCode(400);
        Api.as("fac-bram", "facilitator", Api.TENANT).get(q).then().body("total", equalTo(0));
        Api.as("client-jan", "client", Api.TENANT).get(q).then().body("total", equalTo(3));
    }
}
