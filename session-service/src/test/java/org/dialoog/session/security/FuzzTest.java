package org.dialoog.session.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DatabaseFingerprint;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.OpenApiFuzz;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every parameter and body field of every session-service operation, made hostile one at a time: no answer is 5xx,
 * and nothing refused leaves a trace in the database (see OpenApiFuzz).
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class FuzzTest {

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
    void noOperationAnswers5xxOrWritesOnRefusal() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 2, 1);
        UUID party = e.parties().get(0);
        UUID participant = e.participants(party).get(0);
        String session = Api.scheduleWith(e.id(), Api.nextWeek(), Map.of("openRegistration", true, "capacity", 50));
        facilitator()
                .body(Map.of("partyIds", e.parties()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);
        String registration = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10.99.0.1")
                .body(Map.of("name", "Fuzz Fixture", "email", "fuzz-fixture@example.nl"))
                .post("/api/v1/sessions/{id}/registrations", session)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        OffsetDateTime slotStart = Api.nextWeek();
        Map<String, Object> slot = Map.of(
                "startsAt",
                slotStart.toString(),
                "endsAt",
                slotStart.plusHours(2).toString());
        Map<String, Object> pollRequest = Map.of(
                "engagementId", e.id().toString(),
                "title", "Fuzz",
                "slots", List.of(slot),
                "partyIds", List.of(party.toString()));
        JsonPath poll = facilitator()
                .body(pollRequest)
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String slotId = poll.getString("ranking[0].slotId");
        Map<String, Object> sessionRequest = new HashMap<>(Api.session(e.id(), Api.nextWeek()));
        sessionRequest.put("openRegistration", true);
        Map<String, Object> decision = Map.of(
                "slotId",
                slotId,
                "type",
                "DIALOGUE_SESSION",
                "title",
                "Fuzz",
                "location",
                Map.of("mode", "ON_SITE", "address", "Stadhuisplein 1"));
        Map<String, Object> outcome = Map.of(
                "decisions",
                List.of(Map.of("text", "Fuzz")),
                "actions",
                List.of(Map.of(
                        "what", "Fuzz", "ownerPartyId", party.toString(), "dueDate", "2030-01-31", "status", "OPEN")));
        String action = facilitator()
                .body(outcome)
                .put("/api/v1/sessions/{id}/outcome", session)
                .then()
                .statusCode(201)
                .extract()
                .path("actions[0].id");
        Map<String, Object> outcomeRequest = Map.of(
                "notes",
                List.of(Map.of("agendaItem", "Check-in", "text", "Fuzz")),
                "decisions",
                List.of(Map.of("text", "Fuzz")),
                "openQuestions",
                List.of(Map.of("text", "Fuzz")),
                "actions",
                List.of(Map.of(
                        "id",
                        action,
                        "what",
                        "Fuzz",
                        "ownerPartyId",
                        party.toString(),
                        "dueDate",
                        "2030-01-31",
                        "status",
                        "OPEN")));
        ObjectMapper json = new ObjectMapper();
        var fuzz = new OpenApiFuzz(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port),
                DevTokens.mint(Api.FACILITATOR_ID, List.of("admin", "facilitator"), Api.TENANT),
                new DatabaseFingerprint(dataSource));

        List<String> failures = fuzz.run(
                "session-service",
                Map.ofEntries(
                        Map.entry("sessionId", session),
                        Map.entry("engagementId", e.id().toString()),
                        Map.entry("participantId", participant.toString()),
                        Map.entry("participantIds", participant.toString()),
                        Map.entry("partyIds", party.toString()),
                        Map.entry("pollId", poll.getString("id")),
                        Map.entry("slotId", slotId),
                        Map.entry("available", slotId),
                        Map.entry("registrationId", registration),
                        Map.entry("facilitators", Api.FACILITATOR_ID),
                        Map.entry("actionId", action),
                        Map.entry("ownerPartyId", party.toString())),
                Map.of(
                        "POST /sessions", json.writeValueAsString(sessionRequest),
                        "POST /scheduling-polls", json.writeValueAsString(pollRequest),
                        "POST /scheduling-polls/{pollId}/decision", json.writeValueAsString(decision),
                        "PUT /sessions/{sessionId}/outcome", json.writeValueAsString(outcomeRequest)),
                // deciding the poll closes its votes; completing or cancelling the session ends its invitations
                List.of(
                        "POST /scheduling-polls/{pollId}/decision",
                        "POST /sessions/{sessionId}/complete",
                        "POST /sessions/{sessionId}/cancel"));

        assertThat(failures).isEmpty();
    }
}
