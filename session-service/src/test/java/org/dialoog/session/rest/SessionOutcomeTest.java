package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.admin;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.dialoog.session.Api;
import org.dialoog.session.events.EventTypes;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session's outcome (#19): recorded and replaced as versions with stable action ids, If-Match, parties checked,
 * cancelled sessions refused, readers and writers apart, tenants apart, one action changed on its own, the
 * actions list with its overdue filter, and an event that carries no text.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class SessionOutcomeTest {

    private static final String OUTCOME = "/api/v1/sessions/{id}/outcome";
    private static final String ACTION = "/api/v1/sessions/{id}/outcome/actions/{actionId}";
    private static final String NOTE = "Iedereen noemde wat hij hoopt; Jan de Vries zorgt zich om parkeren.";
    private static final String DECISION = "Het marktplein blijft op zaterdag autovrij.";
    private static final String QUESTION = "Wie betaalt de extra fietsenrekken?";
    private static final String WHAT = "Begroting fietsenrekken vragen bij de raad (jan@example.nl)";

    private static EngagementEventsFixture events;

    /** The day due dates are overdue against (UTC), for this test. */
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

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
    void theFirstRecordIsVersionOneAndAReplacementIsTheNextWithStableActionIds() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        UUID residents = e.parties().get(0);
        UUID shops = e.parties().get(1);
        UUID municipality = e.parties().get(2);

        JsonPath first = admin().body(outcome(
                        List.of(note("Check-in", NOTE), note("Not on the agenda", "Kort"), note(null, "Algemeen")),
                        2,
                        List.of(
                                action(null, WHAT, residents, today.plusDays(14), "OPEN"),
                                action(null, "Verslag rondsturen", shops, null, "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", containsString("/api/v1/sessions/" + session + "/outcome"))
                .body("version", equalTo(1))
                .body("sessionId", equalTo(session))
                .body("engagementId", equalTo(e.id().toString()))
                .body("notes.agendaItem", contains("Check-in", "Not on the agenda", null))
                .body("notes.onAgenda", contains(true, false, false))
                .body("notes[0].text", equalTo(NOTE))
                .body("decisions.text", contains(DECISION, DECISION + " (2)"))
                .body("openQuestions.text", contains(QUESTION))
                .body("actions.what", contains(WHAT, "Verslag rondsturen"))
                .body("actions[0].dueDate", equalTo(today.plusDays(14).toString()))
                .body("actions[1].dueDate", nullValue())
                .body("actions.status", contains("OPEN", "OPEN"))
                .body("authors", contains("admin-1"))
                .extract()
                .jsonPath();
        String kept = first.getString("actions[0].id");
        String dropped = first.getString("actions[1].id");

        JsonPath second = facilitator()
                .header("If-Match", "\"1\"")
                .body(outcome(
                        List.of(),
                        1,
                        List.of(
                                action(null, "Gemeente belt de ondernemers", municipality, null, "OPEN"),
                                action(kept, WHAT + " (aangepast)", residents, today.plusDays(7), "DONE"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("notes", equalTo(List.of()))
                .body("decisions.text", contains(DECISION))
                .body("actions[1].id", equalTo(kept))
                .body("actions[1].what", equalTo(WHAT + " (aangepast)"))
                .body("actions[1].status", equalTo("DONE"))
                .body("actions[0].ownerPartyId", equalTo(municipality.toString()))
                .body("authors", contains("admin-1", Api.FACILITATOR_ID))
                .extract()
                .jsonPath();
        assertThat(second.getList("actions.id", String.class))
                .doesNotContain(dropped)
                .hasSize(2);

        facilitator()
                .get(OUTCOME, session)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("actions.id", equalTo(second.getList("actions.id")));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        Map<String, Object> body = outcome(List.of(), 1, List.of());
        facilitator()
                .header("If-Match", "\"1\"")
                .body(body)
                .put(OUTCOME, session)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("no outcome yet"));
        facilitator().body(body).put(OUTCOME, session).then().statusCode(201);
        facilitator()
                .header("If-Match", "\"1\"")
                .body(body)
                .put(OUTCOME, session)
                .then()
                .statusCode(200);
        facilitator()
                .header("If-Match", "\"1\"")
                .body(outcome(List.of(), 0, List.of()))
                .put(OUTCOME, session)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        facilitator()
                .get(OUTCOME, session)
                .then()
                .body("version", equalTo(2))
                .body("decisions.text", contains(DECISION));
    }

    @Test
    void anOwnerThatIsNoPartyOfTheEngagementIs400NamingTheActionAndChangesNothing() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        Api.Engagement other = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .body(outcome(
                        List.of(),
                        1,
                        List.of(
                                action(null, WHAT, e.parties().get(0), null, "OPEN"),
                                action(null, WHAT, other.parties().get(0), null, "OPEN"),
                                action(
                                        UUID.randomUUID().toString(),
                                        WHAT,
                                        e.parties().get(0),
                                        null,
                                        "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", equalTo(List.of("actions[1].ownerPartyId", "actions[2].id")));
        facilitator().get(OUTCOME, session).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPartyIsKnownFromItsPartyEventOrItsParticipantsAndNoLongerOnceRemoved() {
        Api.Engagement e = Api.activeEngagement(events);
        UUID announced = UUID.randomUUID();
        UUID withMembersOnly = UUID.randomUUID();
        events.partyAdded(e.id(), Api.TENANT, announced);
        events.participantAdded(e.id(), Api.TENANT, withMembersOnly, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Api.count("select count(*) from known_party where id = ?", announced))
                    .isEqualTo(1);
            assertThat(Api.count("select count(*) from known_participant where party_id = ?", withMembersOnly))
                    .isEqualTo(1);
        });
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .body(outcome(
                        List.of(),
                        0,
                        List.of(
                                action(null, WHAT, announced, null, "OPEN"),
                                action(null, WHAT, withMembersOnly, null, "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(201);

        events.partyRemoved(e.id(), Api.TENANT, announced);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Api.count("select count(*) from known_party where id = ?", announced))
                        .isZero());
        facilitator()
                .body(outcome(List.of(), 0, List.of(action(null, WHAT, announced, null, "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .body("invalidParams.name", equalTo(List.of("actions[0].ownerPartyId")));
    }

    @Test
    void aCancelledSessionGetsNoOutcome409ButACompletedOneDoes() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String cancelled = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .body(outcome(List.of(), 1, List.of()))
                .put(OUTCOME, cancelled)
                .then()
                .statusCode(201);
        String action = facilitator()
                .body(outcome(
                        List.of(), 1, List.of(action(null, WHAT, e.parties().get(0), null, "OPEN"))))
                .put(OUTCOME, cancelled)
                .then()
                .statusCode(200)
                .extract()
                .path("actions[0].id");
        facilitator()
                .body(Map.of("reason", "Zaal niet beschikbaar"))
                .post("/api/v1/sessions/{id}/cancel", cancelled)
                .then()
                .statusCode(200);
        facilitator()
                .body(outcome(List.of(), 1, List.of()))
                .put(OUTCOME, cancelled)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("CANCELLED"));
        facilitator()
                .body(Map.of("status", "DONE"))
                .patch(ACTION, cancelled, action)
                .then()
                .statusCode(409);
        facilitator().get(OUTCOME, cancelled).then().statusCode(200).body("version", equalTo(2));

        String held = Api.scheduleWith(
                e.id(),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).withNano(0),
                Map.of("facilitators", List.of("fac-held-" + UUID.randomUUID())));
        admin().post("/api/v1/sessions/{id}/complete", held).then().statusCode(200);
        admin().body(outcome(List.of(), 1, List.of())).put(OUTCOME, held).then().statusCode(201);
    }

    @Test
    void aClientOrIntegrationReadsButCannotWriteAndAnotherTenantSeesNothing() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        RequestSpecification client = Api.as("client-jan", "client", Api.TENANT);
        client.get(OUTCOME, session).then().statusCode(404).body("detail", containsString("no outcome yet"));
        Api.as("client-jan", "client", Api.TENANT)
                .body(outcome(List.of(), 1, List.of()))
                .put(OUTCOME, session)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String action = facilitator()
                .body(outcome(
                        List.of(), 1, List.of(action(null, WHAT, e.parties().get(0), null, "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(201)
                .extract()
                .path("actions[0].id");
        Api.as("client-jan", "client", Api.TENANT)
                .body(Map.of("status", "DONE"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(403);
        Api.as("client-jan", "client", Api.TENANT)
                .get(OUTCOME, session)
                .then()
                .statusCode(200)
                .body("decisions.text", contains(DECISION));
        Api.as("gemeente-zaaksysteem", "integration", Api.TENANT)
                .get(OUTCOME, session)
                .then()
                .statusCode(200);
        Api.as("client-jan", "client", Api.TENANT)
                .get("/api/v1/actions?engagementId={e}", e.id())
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        // a client who is no contact of this engagement, and a facilitator who does not facilitate it, see nothing
        Api.as("client-piet", "client", Api.TENANT).get(OUTCOME, session).then().statusCode(404);
        Api.as("fac-other", "facilitator", Api.TENANT)
                .body(outcome(List.of(), 1, List.of()))
                .put(OUTCOME, session)
                .then()
                .statusCode(404);

        RequestSpecification otherTenant = Api.as("admin-other", "admin", "other");
        otherTenant.get(OUTCOME, session).then().statusCode(404).contentType("application/problem+json");
        Api.as("admin-other", "admin", "other")
                .body(outcome(List.of(), 1, List.of()))
                .put(OUTCOME, session)
                .then()
                .statusCode(404);
        Api.as("admin-other", "admin", "other")
                .body(Map.of("status", "DONE"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(404);
        Api.as("admin-other", "admin", "other")
                .get("/api/v1/actions?engagementId={e}", e.id())
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        // none of the refused writes made a version
        facilitator()
                .get(OUTCOME, session)
                .then()
                .body("version", equalTo(1))
                .body("actions[0].status", equalTo("OPEN"))
                .body("authors", contains(Api.FACILITATOR_ID));
    }

    @Test
    void oneActionChangesOnItsOwnAsANewVersion() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        JsonPath written = facilitator()
                .body(outcome(
                        List.of(note("Check-in", NOTE)),
                        1,
                        List.of(
                                action(null, WHAT, e.parties().get(0), today.plusDays(3), "OPEN"),
                                action(null, "Tweede actie", e.parties().get(1), null, "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String action = written.getString("actions[0].id");

        facilitator()
                .header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("status", "DONE"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("actions[0].id", equalTo(action))
                .body("actions[0].status", equalTo("DONE"))
                .body("actions[0].dueDate", equalTo(today.plusDays(3).toString()))
                .body("actions[0].what", equalTo(WHAT))
                .body("actions[1].status", equalTo("OPEN"))
                .body("notes[0].text", equalTo(NOTE));
        Map<String, Object> noDueDate = new HashMap<>();
        noDueDate.put("dueDate", null);
        facilitator()
                .header("If-Match", "\"2\"")
                .body(noDueDate)
                .patch(ACTION, session, action)
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("actions[0].dueDate", nullValue())
                .body("actions[0].status", equalTo("DONE"));
        facilitator()
                .header("If-Match", "\"2\"")
                .body(Map.of("status", "OPEN"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(412);
        facilitator()
                .body(Map.of("status", "MAYBE"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("status"));
        facilitator()
                .body(Map.of("dueDate", "2026-13-45"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> noStatus = new HashMap<>();
        noStatus.put("status", null);
        facilitator()
                .body(noStatus)
                .patch(ACTION, session, action)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("status"));
        facilitator()
                .body(Map.of("status", "DONE"))
                .patch(ACTION, session, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        facilitator().get(OUTCOME, session).then().body("version", equalTo(3));
    }

    @Test
    void theActionsListFiltersByEngagementStatusOwnerAndOverdue() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        UUID residents = e.parties().get(0);
        UUID shops = e.parties().get(1);
        String earlier = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        String later = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .body(outcome(
                        List.of(),
                        0,
                        List.of(
                                action(null, "te laat", residents, today.minusDays(1), "OPEN"),
                                action(null, "klaar, al was het laat", residents, today.minusDays(2), "DONE"),
                                action(null, "vandaag", shops, today, "OPEN"))))
                .put(OUTCOME, earlier)
                .then()
                .statusCode(201);
        facilitator()
                .body(outcome(
                        List.of(),
                        0,
                        List.of(
                                action(null, "zonder datum", shops, null, "OPEN"),
                                action(null, "laat maar", shops, today.minusDays(30), "DROPPED"))))
                .put(OUTCOME, later)
                .then()
                .statusCode(201);
        String list = "/api/v1/actions?engagementId=" + e.id();

        facilitator()
                .get(list)
                .then()
                .statusCode(200)
                .header("Link", containsString("rel=\"first\""))
                .body("total", equalTo(5))
                // the earliest due date first, those without one last
                .body(
                        "items.what",
                        contains("laat maar", "klaar, al was het laat", "te laat", "vandaag", "zonder datum"))
                .body("items.overdue", contains(false, false, true, false, false));
        facilitator()
                .get(list + "&overdue=true")
                .then()
                .body("total", equalTo(1))
                .body("items[0].what", equalTo("te laat"))
                .body("items[0].sessionId", equalTo(earlier))
                .body("items[0].overdue", equalTo(true));
        facilitator().get(list + "&overdue=false").then().body("total", equalTo(4));
        facilitator().get(list + "&status=OPEN").then().body("total", equalTo(3));
        facilitator()
                .get(list + "&ownerPartyId=" + shops + "&status=OPEN")
                .then()
                .body("items.what", contains("vandaag", "zonder datum"));
        facilitator().get(list + "&sessionId=" + later).then().body("total", equalTo(2));
        facilitator()
                .get(list + "&pageSize=2&page=2")
                .then()
                .body("items.what", contains("te laat", "vandaag"))
                .body("total", equalTo(5));
        facilitator().get(list + "&overdue=soon").then().statusCode(400).body("invalidParams.name", hasItem("overdue"));
        facilitator().get(list + "&status=LATE").then().statusCode(400).body("invalidParams.name", hasItem("status"));
        Api.as("fac-other", "facilitator", Api.TENANT).get(list).then().body("total", equalTo(0));
    }

    @Test
    void badRecordsAre400sNamingTheField() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        UUID party = e.parties().get(0);
        facilitator()
                .body(Map.of("decisions", Collections.nCopies(101, Map.of("text", DECISION))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("decisions"));
        facilitator()
                .body(Map.of("notes", List.of(Map.of("agendaItem", " ", "text", "x".repeat(5001)))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .body("invalidParams.name", containsInAnyOrder("notes[0].agendaItem", "notes[0].text"));
        facilitator()
                .body(Map.of("actions", List.of(Map.of("what", WHAT, "ownerPartyId", party.toString()))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .body("invalidParams.name", equalTo(List.of("actions[0].status")));
        facilitator()
                .body(Map.of(
                        "actions",
                        List.of(Map.of(
                                "what",
                                WHAT,
                                "ownerPartyId",
                                party.toString(),
                                "dueDate",
                                "morgen",
                                "status",
                                "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        facilitator()
                .body(Map.of("decisions", List.of(Map.of("text", DECISION, "by", "Jan"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        facilitator().get(OUTCOME, session).then().statusCode(404);
    }

    @Test
    void everyWriteRecordsAnEventWithCountsAndStatesButNoText() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 1);
        UUID party = e.parties().get(0);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        String action = facilitator()
                .body(outcome(
                        List.of(note("Check-in", NOTE)),
                        2,
                        List.of(action(null, WHAT, party, today.plusDays(5), "OPEN"))))
                .put(OUTCOME, session)
                .then()
                .statusCode(201)
                .extract()
                .path("actions[0].id");
        facilitator()
                .body(Map.of("status", "DONE"))
                .patch(ACTION, session, action)
                .then()
                .statusCode(200);

        List<String> payloads = outboxPayloads(e.id());
        assertThat(payloads).hasSize(2);
        for (String payload : payloads) {
            assertThat(DocumentedEvents.problems("session-service", EventTypes.SESSION_OUTCOME_RECORDED, payload))
                    .isEmpty();
            assertThat(payload).doesNotContain(NOTE, DECISION, QUESTION, WHAT, "Check-in", "@", "fac-anna");
        }
        JsonPath first = JsonPath.from(payloads.get(0));
        assertThat(first.getInt("outcomeVersion")).isEqualTo(1);
        assertThat(first.getInt("decisions")).isEqualTo(2);
        assertThat(first.getInt("openQuestions")).isEqualTo(1);
        assertThat(first.getString("sessionId")).isEqualTo(session);
        assertThat(first.getString("actions[0].actionId")).isEqualTo(action);
        assertThat(first.getString("actions[0].ownerPartyId")).isEqualTo(party.toString());
        assertThat(first.getString("actions[0].dueDate"))
                .isEqualTo(today.plusDays(5).toString());
        assertThat(first.getString("actions[0].status")).isEqualTo("OPEN");
        JsonPath second = JsonPath.from(payloads.get(1));
        assertThat(second.getInt("outcomeVersion")).isEqualTo(2);
        assertThat(second.getString("actions[0].status")).isEqualTo("DONE");
    }

    /** The outcome events' payloads for this engagement (the partition key), in the order they were recorded. */
    private List<String> outboxPayloads(UUID engagementId) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select payload::text from outbox_event where partition_key = ? and type = ? order by seq")) {
            ps.setString(1, engagementId.toString());
            ps.setString(2, EventTypes.SESSION_OUTCOME_RECORDED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        return payloads;
    }

    private static Map<String, Object> outcome(
            List<Map<String, Object>> notes, int decisions, List<Map<String, Object>> actions) {
        List<Map<String, Object>> taken = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            taken.add(Map.of("text", i == 0 ? DECISION : DECISION + " (" + (i + 1) + ")"));
        }
        return Map.of(
                "notes", notes,
                "decisions", taken,
                "openQuestions", List.of(Map.of("text", QUESTION)),
                "actions", actions);
    }

    private static Map<String, Object> note(@Nullable String agendaItem, String text) {
        Map<String, Object> note = new HashMap<>();
        if (agendaItem != null) {
            note.put("agendaItem", agendaItem);
        }
        note.put("text", text);
        return note;
    }

    private static Map<String, Object> action(
            @Nullable String id, String what, UUID owner, @Nullable LocalDate due, String status) {
        Map<String, Object> action = new HashMap<>();
        if (id != null) {
            action.put("id", id);
        }
        action.put("what", what);
        action.put("ownerPartyId", owner.toString());
        if (due != null) {
            action.put("dueDate", due.toString());
        }
        action.put("status", status);
        return action;
    }
}
