package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Party leads in session-service (#19, "Handing over"): grants come from engagement-service's documented party-lead
 * events; a lead with a right does that one thing for its own engagement (and party), gets 403 without the right and
 * 404 for another engagement; a revocation takes effect; the hand-over curve counts what the parties initiated.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class PartyLeadTest {

    private static final List<String> ALL =
            List.of("PROPOSE_SESSIONS", "PROPOSE_AGENDA_ITEMS", "RUN_POLLS", "UPDATE_ACTIONS");

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
    void aLeadWithEachRightDoesItForItsOwnPartyAndTheCurveCountsIt() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        UUID residents = e.parties().get(0);
        UUID shops = e.parties().get(1);
        String user = "lead-" + UUID.randomUUID();
        grant("granted", UUID.randomUUID(), e.id(), residents, user, ALL);

        String byFacilitator = Api.scheduleWith(e.id(), nextWeek(), Map.of());

        // PROPOSE_SESSIONS: a PLANNED session, initiated by the party, its agenda the party's too
        String proposed = lead(user)
                .body(Api.session(e.id(), nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("initiatedBy.kind", equalTo("PARTY"))
                .body("initiatedBy.partyId", equalTo(residents.toString()))
                .body("agenda.initiatedByPartyId", contains(residents.toString(), residents.toString()))
                .extract()
                .path("id");
        facilitator()
                .get("/api/v1/sessions/{id}", byFacilitator)
                .then()
                .body("initiatedBy.kind", equalTo("FACILITATOR"))
                .body("initiatedBy.partyId", nullValue());

        // PROPOSE_AGENDA_ITEMS: to the facilitator's session, recorded as the party's
        lead(user)
                .body(Map.of("title", "Parkeren bij de markt", "minutes", 10))
                .post("/api/v1/sessions/{id}/agenda-items", byFacilitator)
                .then()
                .statusCode(200)
                .body("agenda.title", contains("Check-in", "Dialogue", "Parkeren bij de markt"))
                .body("agenda[2].initiatedByPartyId", equalTo(residents.toString()))
                .body("agenda[0].initiatedByPartyId", nullValue());
        // a facilitator's whole-session change keeps whose item it was
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "Dialoogsessie (nieuw)"))
                .patch("/api/v1/sessions/{id}", byFacilitator)
                .then()
                .statusCode(200)
                .body("agenda[2].initiatedByPartyId", equalTo(residents.toString()));

        // UPDATE_ACTIONS: its own party's action, not another party's
        JsonPath outcome = facilitator()
                .body(Map.of(
                        "notes", List.of(),
                        "decisions", List.of(),
                        "openQuestions", List.of(),
                        "actions", List.of(action("Bewoners peilen", residents), action("Ondernemers bellen", shops))))
                .put("/api/v1/sessions/{id}/outcome", byFacilitator)
                .then()
                .statusCode(201)
                .body("actions.initiatedBy.kind", contains("FACILITATOR", "FACILITATOR"))
                .extract()
                .jsonPath();
        lead(user)
                .body(Map.of("status", "DONE"))
                .contentType("application/merge-patch+json")
                .patch("/api/v1/sessions/{id}/outcome/actions/{a}", byFacilitator, outcome.getString("actions[0].id"))
                .then()
                .statusCode(200)
                .body("actions[0].status", equalTo("DONE"));
        lead(user)
                .body(Map.of("status", "DONE"))
                .contentType("application/merge-patch+json")
                .patch("/api/v1/sessions/{id}/outcome/actions/{a}", byFacilitator, outcome.getString("actions[1].id"))
                .then()
                .statusCode(403);

        // reads a lead needs; writes it has no right to stay 403
        lead(user).get("/api/v1/sessions/{id}", proposed).then().statusCode(200);
        lead(user).get("/api/v1/sessions/{id}/outcome", byFacilitator).then().statusCode(200);
        lead(user)
                .body(Map.of(
                        "notes", List.of(), "decisions", List.of(), "openQuestions", List.of(), "actions", List.of()))
                .put("/api/v1/sessions/{id}/outcome", byFacilitator)
                .then()
                .statusCode(403);
        lead(user)
                .body(Map.of("reason", "Geen zin"))
                .post("/api/v1/sessions/{id}/cancel", proposed)
                .then()
                .statusCode(403);

        // RUN_POLLS: create and decide a poll; the session it schedules is the party's
        OffsetDateTime slot = nextWeek();
        JsonPath poll = lead(user)
                .body(Map.of(
                        "engagementId", e.id(),
                        "title", "Wanneer de tweede avond?",
                        "slots",
                                List.of(Map.of(
                                        "startsAt",
                                        slot.toString(),
                                        "endsAt",
                                        slot.plusHours(2).toString())),
                        "partyIds", e.parties()))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String decided = lead(user)
                .body(Map.of(
                        "slotId",
                        poll.getString("ranking[0].slotId"),
                        "type",
                        "DIALOGUE_SESSION",
                        "title",
                        "Tweede avond",
                        "location",
                        Map.of("mode", "ON_SITE", "address", "Wijkcentrum De Boog")))
                .post("/api/v1/scheduling-polls/{id}/decision", poll.getString("id"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        facilitator()
                .get("/api/v1/sessions/{id}", decided)
                .then()
                .body("initiatedBy.kind", equalTo("PARTY"))
                .body("initiatedBy.partyId", equalTo(residents.toString()));

        // the curve: 3 sessions (2 by the party), 5 agenda items (3 by the party), 2 action items (none by a party)
        JsonPath curve = lead(user)
                .get("/api/v1/engagements/{id}/handover", e.id())
                .then()
                .statusCode(200)
                .body("engagementId", equalTo(e.id().toString()))
                .extract()
                .jsonPath();
        assertThat(sum(curve, "months.sessions.total")).isEqualTo(3);
        assertThat(sum(curve, "months.sessions.byParties")).isEqualTo(2);
        assertThat(sum(curve, "months.agendaItems.total")).isEqualTo(5);
        assertThat(sum(curve, "months.agendaItems.byParties")).isEqualTo(3);
        assertThat(sum(curve, "months.actionItems.total")).isEqualTo(2);
        assertThat(sum(curve, "months.actionItems.byParties")).isEqualTo(0);
        List<String> months = curve.getList("months.month");
        assertThat(months).isSorted();
        assertThat(months).allMatch(m -> m.matches("\\d{4}-\\d{2}"));
        facilitator()
                .queryParam("format", "csv")
                .get("/api/v1/engagements/{id}/handover", e.id())
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(
                        startsWith(
                                "month,sessions,sessionsByParties,agendaItems,agendaItemsByParties,actionItems,actionItemsByParties\r\n"))
                .body(containsString(months.get(0) + ","));
    }

    @Test
    void withoutTheRightItIs403AnotherEngagementIs404AndARevocationTakesEffect() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        Api.Engagement other = Api.activeEngagement(events, 1);
        UUID residents = e.parties().get(0);
        String user = "lead-" + UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        grant("granted", grant, e.id(), residents, user, List.of("UPDATE_ACTIONS"));
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        String elsewhere = Api.scheduleWith(other.id(), nextWeek(), Map.of());

        lead(user)
                .body(Api.session(e.id(), nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(403)
                .body("detail", containsString("PROPOSE_SESSIONS"));
        lead(user)
                .body(Map.of("title", "Parkeren", "minutes", 10))
                .post("/api/v1/sessions/{id}/agenda-items", session)
                .then()
                .statusCode(403);
        OffsetDateTime slot = nextWeek();
        lead(user)
                .body(Map.of(
                        "engagementId", e.id(),
                        "title", "Poll",
                        "slots",
                                List.of(Map.of(
                                        "startsAt",
                                        slot.toString(),
                                        "endsAt",
                                        slot.plusHours(2).toString())),
                        "partyIds", e.parties()))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(403);

        // another engagement: not even seen
        lead(user).get("/api/v1/sessions/{id}", elsewhere).then().statusCode(404);
        lead(user)
                .body(Map.of("title", "Parkeren", "minutes", 10))
                .post("/api/v1/sessions/{id}/agenda-items", elsewhere)
                .then()
                .statusCode(404);
        lead(user).get("/api/v1/engagements/{id}/handover", other.id()).then().statusCode(404);
        lead(user)
                .body(Api.session(other.id(), nextWeek()))
                .post("/api/v1/sessions")
                .then()
                // answered exactly like an engagement not known here: ids do not leak
                .statusCode(409)
                .body("type", equalTo("urn:dialoog:problem:not-yet-known"))
                .body("invalidParams[0].name", equalTo("engagementId"));

        // the right granted later, then the grant revoked
        grant("updated", grant, e.id(), residents, user, List.of("UPDATE_ACTIONS", "PROPOSE_AGENDA_ITEMS"));
        lead(user)
                .body(Map.of("title", "Parkeren", "minutes", 10))
                .post("/api/v1/sessions/{id}/agenda-items", session)
                .then()
                .statusCode(200);
        grant("revoked", grant, e.id(), residents, user, List.of());
        lead(user)
                .body(Map.of("title", "Nog een punt", "minutes", 5))
                .post("/api/v1/sessions/{id}/agenda-items", session)
                .then()
                .statusCode(404);
        lead(user).get("/api/v1/sessions/{id}", session).then().statusCode(404);
    }

    @Test
    void aLeadListsItsEngagementsSessionsAndActionsAndWritesTheRecordAsAnAuthor() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        Api.Engagement other = Api.activeEngagement(events, 1);
        UUID residents = e.parties().get(0);
        UUID shops = e.parties().get(1);
        String user = "lead-" + UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        grant("granted", grant, e.id(), residents, user, List.of("RECORD_OUTCOMES"));
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        Api.scheduleWith(other.id(), nextWeek(), Map.of());

        // lists: the engagement's sessions, nothing of another engagement
        lead(user)
                .get("/api/v1/sessions")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(session));
        lead(user)
                .queryParam("engagementId", other.id())
                .get("/api/v1/sessions")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        // version 1 by the facilitator: one action of each party
        JsonPath first = facilitator()
                .body(record(
                        List.of(), List.of(action("Bewoners peilen", residents), action("Ondernemers bellen", shops))))
                .put("/api/v1/sessions/{id}/outcome", session)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String ours = first.getString("actions[0].id");
        String theirs = first.getString("actions[1].id");
        lead(user)
                .queryParam("engagementId", e.id())
                .get("/api/v1/actions")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        lead(user).get("/api/v1/actions").then().statusCode(200).body("items.sessionId", contains(session, session));

        // the lead may not drop or change another party's action
        lead(user)
                .body(record(List.of(), List.of(withId(action("Bewoners peilen", residents), ours))))
                .put("/api/v1/sessions/{id}/outcome", session)
                .then()
                .statusCode(403)
                .body("detail", containsString(theirs));
        Map<String, Object> theirsDone = withId(action("Ondernemers bellen", shops), theirs);
        theirsDone.put("status", "DONE");
        lead(user)
                .body(record(List.of(), List.of(withId(action("Bewoners peilen", residents), ours), theirsDone)))
                .put("/api/v1/sessions/{id}/outcome", session)
                .then()
                .statusCode(403)
                .body("detail", containsString("cannot change action " + theirs));

        // version 2 by the lead: a decision, its own action reworded, the other's kept, a new one of its party
        lead(user)
                .header("If-Match", "\"1\"")
                .body(record(
                        List.of(Map.of("text", "De bewoners maken een plantplan.")),
                        List.of(
                                withId(action("Ondernemers bellen", shops), theirs),
                                withId(action("Bewoners peilen in de hele wijk", residents), ours),
                                action("Plantplan schrijven", residents))))
                .put("/api/v1/sessions/{id}/outcome", session)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("authors", contains(Api.FACILITATOR_ID, user))
                .body(
                        "actions.what",
                        contains("Ondernemers bellen", "Bewoners peilen in de hele wijk", "Plantplan schrijven"))
                .body("actions.initiatedBy.kind", contains("FACILITATOR", "FACILITATOR", "PARTY"))
                .body("actions[2].initiatedBy.partyId", equalTo(residents.toString()));

        // every version stays readable, with its author
        lead(user)
                .get("/api/v1/sessions/{id}/outcome/versions", session)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.version", contains(2, 1))
                .body("items.author", contains(user, Api.FACILITATOR_ID))
                .body("items.authoredAs.kind", contains("PARTY", "FACILITATOR"))
                .body("items[0].authoredAs.partyId", equalTo(residents.toString()))
                .body("items[0].decisions.text", contains("De bewoners maken een plantplan."));
        facilitator()
                .get("/api/v1/sessions/{id}/outcome/versions/1", session)
                .then()
                .statusCode(200)
                .body("decisions", equalTo(List.of()))
                .body("actions.what", contains("Bewoners peilen", "Ondernemers bellen"))
                .body("actions.status", contains("OPEN", "OPEN"));
        facilitator()
                .get("/api/v1/sessions/{id}/outcome/versions/3", session)
                .then()
                .statusCode(404)
                .body("detail", containsString("no version 3"));

        // the hand-over curve counts the party's action
        JsonPath curve = facilitator()
                .get("/api/v1/engagements/{id}/handover", e.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(sum(curve, "months.actionItems.total")).isEqualTo(3);
        assertThat(sum(curve, "months.actionItems.byParties")).isEqualTo(1);

        // once revoked, the lists are empty again
        grant("revoked", grant, e.id(), residents, user, List.of());
        lead(user).get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(0));
        lead(user).get("/api/v1/actions").then().statusCode(200).body("total", equalTo(0));
    }

    private static RequestSpecification lead(String user) {
        return Api.as(user, "party-lead", Api.TENANT);
    }

    /** Publishes the documented party-lead event and waits until session-service holds exactly these rights. */
    private static void grant(String kind, UUID id, UUID engagement, UUID party, String user, List<String> rights) {
        events.partyLead(kind, id, engagement, Api.TENANT, party, user, rights);
        String expected = "{" + String.join(",", rights) + "}";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Api.count(
                                "select count(*) from known_party_lead where id = ? and rights::text = ?",
                                id,
                                expected))
                        .isEqualTo(1));
    }

    private static Map<String, Object> action(String what, UUID owner) {
        Map<String, Object> a = new HashMap<>();
        a.put("what", what);
        a.put("ownerPartyId", owner.toString());
        a.put("status", "OPEN");
        return a;
    }

    private static Map<String, Object> withId(Map<String, Object> action, String id) {
        action.put("id", id);
        return action;
    }

    private static Map<String, Object> record(List<Map<String, Object>> decisions, List<Map<String, Object>> actions) {
        return Map.of("notes", List.of(), "decisions", decisions, "openQuestions", List.of(), "actions", actions);
    }

    private static int sum(JsonPath json, String path) {
        return json.<Integer>getList(path).stream().mapToInt(Integer::intValue).sum();
    }
}
