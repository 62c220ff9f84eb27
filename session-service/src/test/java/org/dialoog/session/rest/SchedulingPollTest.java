package org.dialoog.session.rest;

import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scheduling polls through the API: votes, the ranking that puts every party first, the decision. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class SchedulingPollTest {

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
    void theMostVotedSlotLosesWhenItMissesAPartyAndTheDecisionSchedulesAndInvites() {
        Api.Engagement e = Api.activeEngagement(events, 3, 1);
        UUID residents = e.parties().get(0);
        UUID municipality = e.parties().get(1);
        OffsetDateTime a = nextWeek();
        JsonPath poll = facilitator()
                .body(Map.of(
                        "engagementId",
                        e.id(),
                        "title",
                        "Derde dialoogsessie",
                        "slots",
                        List.of(slot(a), slot(nextWeek())),
                        "partyIds",
                        e.parties()))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = poll.getString("id");
        // before any vote the ranking is by time: a, then b
        List<String> slotIds = poll.getList("ranking.slotId");
        String first = slotIds.get(0);
        String second = slotIds.get(1);

        // slot "first": all three residents, nobody of the municipality; slot "second": one resident and the
        // municipality
        for (UUID resident : e.participants(residents)) {
            vote(
                    id,
                    resident,
                    resident.equals(e.participants(residents).get(0)) ? List.of(first, second) : List.of(first));
        }
        vote(id, e.participants(municipality).get(0), List.of(second));

        facilitator()
                .get("/api/v1/scheduling-polls/{id}", id)
                .then()
                .statusCode(200)
                .body("ranking[0].slotId", equalTo(second))
                .body("ranking[0].partiesCovered", equalTo(2))
                .body("ranking[0].participantsAvailable", equalTo(2))
                .body("ranking[1].slotId", equalTo(first))
                .body("ranking[1].participantsAvailable", equalTo(3))
                .body("ranking[1].missingParties", equalTo(List.of(municipality.toString())));

        String session = facilitator()
                .body(Map.of(
                        "slotId",
                        second,
                        "type",
                        "DIALOGUE_SESSION",
                        "title",
                        "Derde dialoogsessie",
                        "location",
                        Map.of("mode", "ON_SITE", "address", "Wijkcentrum De Boog")))
                .post("/api/v1/scheduling-polls/{id}/decision", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        facilitator().get("/api/v1/sessions/{id}/invitations", session).then().body("total", equalTo(4));
        facilitator()
                .get("/api/v1/scheduling-polls/{id}", id)
                .then()
                .body("status", equalTo("DECIDED"))
                .body("sessionId", equalTo(session))
                .body("decidedSlotId", equalTo(second));
        facilitator()
                .body(Map.of("available", List.of(first)))
                .put(
                        "/api/v1/scheduling-polls/{id}/votes/{p}",
                        id,
                        e.participants(municipality).get(0))
                .then()
                .statusCode(409);
    }

    @Test
    void votesNameOnlyThePollsSlotsAndComeFromItsParties() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        String id = facilitator()
                .body(Map.of(
                        "engagementId",
                        e.id(),
                        "title",
                        "Poll",
                        "slots",
                        List.of(slot(nextWeek())),
                        "partyIds",
                        List.of(e.parties().get(0))))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        facilitator()
                .body(Map.of("available", List.of(UUID.randomUUID())))
                .put(
                        "/api/v1/scheduling-polls/{id}/votes/{p}",
                        id,
                        e.participants(e.parties().get(0)).get(0))
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("available[0]"));
        facilitator()
                .body(Map.of("available", List.of()))
                .put(
                        "/api/v1/scheduling-polls/{id}/votes/{p}",
                        id,
                        e.participants(e.parties().get(1)).get(0))
                .then()
                .statusCode(404);
        facilitator()
                .body(Map.of(
                        "engagementId",
                        e.id(),
                        "title",
                        "Poll",
                        "slots",
                        List.of(Map.of("startsAt", "2031-01-01T10:00:00Z", "endsAt", "2031-01-01T09:00:00Z")),
                        "partyIds",
                        List.of(UUID.randomUUID())))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(400)
                .body("invalidParams.name", equalTo(List.of("slots[0].endsAt", "partyIds[0]")));
    }

    @Test
    void pollsAreListedPerEngagementAndStatusAndCanBeClosedWithoutADecision() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        Api.Engagement other = Api.activeEngagement(events, 1);
        String open = createPoll(e, "Open poll");
        String closing = createPoll(e, "Poll to close");
        createPoll(other, "Another engagement's poll");
        UUID voter = e.participants(e.parties().get(0)).get(0);
        vote(closing, voter, List.of());

        facilitator()
                .queryParam("engagementId", e.id())
                .get("/api/v1/scheduling-polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(closing, open)); // newest first

        JsonPath closed = facilitator()
                .post("/api/v1/scheduling-polls/{id}/close", closing)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue())
                .body("votes.participantId", contains(voter.toString()))
                .extract()
                .jsonPath();
        // closing again changes nothing
        facilitator()
                .post("/api/v1/scheduling-polls/{id}/close", closing)
                .then()
                .statusCode(200)
                .body("closedAt", equalTo(closed.getString("closedAt")))
                .body("version", equalTo(closed.getInt("version")));
        // no more votes, no decision
        facilitator()
                .body(Map.of("available", List.of()))
                .put("/api/v1/scheduling-polls/{id}/votes/{p}", closing, voter)
                .then()
                .statusCode(409)
                .body("detail", containsString("CLOSED"));
        facilitator()
                .body(Map.of(
                        "slotId",
                        closed.getString("ranking[0].slotId"),
                        "type",
                        "DIALOGUE_SESSION",
                        "title",
                        "Te laat",
                        "location",
                        Map.of("mode", "ON_SITE", "address", "Wijkcentrum")))
                .post("/api/v1/scheduling-polls/{id}/decision", closing)
                .then()
                .statusCode(409)
                .body("detail", containsString("closed without a decision"));

        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("status", "OPEN")
                .get("/api/v1/scheduling-polls")
                .then()
                .statusCode(200)
                .body("items.id", contains(open));
        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("status", "CLOSED")
                .get("/api/v1/scheduling-polls")
                .then()
                .statusCode(200)
                .body("items.id", contains(closing));
        facilitator()
                .queryParam("status", "SHUT")
                .get("/api/v1/scheduling-polls")
                .then()
                .statusCode(400);
        // someone who does not facilitate the engagement neither lists nor closes its polls
        Api.as("fac-someone-else", "facilitator", Api.TENANT)
                .queryParam("engagementId", e.id())
                .get("/api/v1/scheduling-polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        Api.as("fac-someone-else", "facilitator", Api.TENANT)
                .post("/api/v1/scheduling-polls/{id}/close", open)
                .then()
                .statusCode(404);
    }

    @Test
    void aDecidedPollCannotBeClosed() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String id = createPoll(e, "Decided poll");
        String slot = facilitator()
                .get("/api/v1/scheduling-polls/{id}", id)
                .then()
                .extract()
                .path("ranking[0].slotId");
        facilitator()
                .body(Map.of(
                        "slotId",
                        slot,
                        "type",
                        "DIALOGUE_SESSION",
                        "title",
                        "Besloten",
                        "location",
                        Map.of("mode", "ON_SITE", "address", "Wijkcentrum")))
                .post("/api/v1/scheduling-polls/{id}/decision", id)
                .then()
                .statusCode(201);
        facilitator()
                .post("/api/v1/scheduling-polls/{id}/close", id)
                .then()
                .statusCode(409)
                .body("detail", containsString("cancel the session instead"));
    }

    private static String createPoll(Api.Engagement e, String title) {
        return facilitator()
                .body(Map.of(
                        "engagementId",
                        e.id(),
                        "title",
                        title,
                        "slots",
                        List.of(slot(nextWeek()), slot(nextWeek().plusDays(1))),
                        "partyIds",
                        List.of(e.parties().get(0))))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> slot(OffsetDateTime start) {
        return Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString());
    }

    private static void vote(String poll, UUID participant, List<String> slots) {
        facilitator()
                .body(Map.of("available", slots))
                .put("/api/v1/scheduling-polls/{id}/votes/{p}", poll, participant)
                .then()
                .statusCode(200);
    }
}
