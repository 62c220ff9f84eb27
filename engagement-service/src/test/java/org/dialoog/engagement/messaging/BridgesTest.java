package org.dialoog.engagement.messaging;

import static org.awaitility.Awaitility.await;
import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /engagements/{id}/bridges from session-service's SessionCompleted: the party × party matrix matches the attendance. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class BridgesTest {

    private static final String COMPLETED = "nl.dialoog.session.session-completed.v1";

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theMatrixAfterFourSessionsMatchesTheAttendanceExactly() {
        UUID engagement = Api.createEngagement("Bruggen");
        Map<String, String> parties = new LinkedHashMap<>();
        for (String name : List.of("Bewoners", "Gemeente", "Winkeliers", "Woningcorporatie")) {
            parties.put(
                    name,
                    facilitator()
                            .body(Map.of("name", name, "type", "OTHER"))
                            .post("/api/v1/engagements/{id}/parties", engagement)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
        }
        OffsetDateTime first = OffsetDateTime.parse("2026-02-02T19:00:00Z");
        // who attended, per session, as party names (one entry per person present)
        List<List<String>> sessions = List.of(
                List.of("Bewoners", "Bewoners", "Gemeente"),
                List.of("Bewoners", "Winkeliers", "Winkeliers", "Gemeente"),
                List.of("Gemeente"),
                List.of("Bewoners", "Gemeente", "Gemeente"));
        UUID lastSession = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            for (int i = 0; i < sessions.size(); i++) {
                UUID session = i == sessions.size() - 1 ? lastSession : UUID.randomUUID();
                List<Map<String, String>> attendees = new ArrayList<>();
                for (String party : sessions.get(i)) {
                    attendees.add(Map.of("participantId", UUID.randomUUID().toString(), "partyId", parties.get(party)));
                }
                String data = DocumentedEvents.example(
                        "session-service",
                        COMPLETED,
                        Map.of(
                                "sessionId", session.toString(),
                                "engagementId", engagement.toString(),
                                "tenant", Api.TENANT,
                                "startsAt", first.plusWeeks(i).toString(),
                                "attendees", attendees));
                events.send(
                        "dialoog.sessions",
                        "urn:dialoog:session-service",
                        UUID.randomUUID().toString(),
                        COMPLETED,
                        engagement,
                        Api.TENANT,
                        data);
            }
            // the same completion announced again changes nothing
            events.send(
                    "dialoog.sessions",
                    "urn:dialoog:session-service",
                    UUID.randomUUID().toString(),
                    COMPLETED,
                    engagement,
                    Api.TENANT,
                    DocumentedEvents.example(
                            "session-service",
                            COMPLETED,
                            Map.of(
                                    "sessionId",
                                    lastSession.toString(),
                                    "engagementId",
                                    engagement.toString(),
                                    "tenant",
                                    Api.TENANT,
                                    "attendees",
                                    List.of(Map.of(
                                            "participantId",
                                            UUID.randomUUID().toString(),
                                            "partyId",
                                            parties.get("Winkeliers"))))));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> facilitator()
                        .get("/api/v1/engagements/{id}/bridges", engagement)
                        .then()
                        .statusCode(200)
                        .body("sessionsHeld", equalTo(4)));
        String pair = "pairs.find { it.partyName == '%s' && it.otherPartyName == '%s' }";
        facilitator()
                .get("/api/v1/engagements/{id}/bridges", engagement)
                .then()
                .body("parties.name", equalTo(List.of("Bewoners", "Gemeente", "Winkeliers", "Woningcorporatie")))
                .body("parties.find { it.name == 'Bewoners' }.sessions", equalTo(3))
                .body("parties.find { it.name == 'Bewoners' }.attendees", equalTo(4))
                .body("parties.find { it.name == 'Gemeente' }.sessions", equalTo(4))
                .body("parties.find { it.name == 'Gemeente' }.attendees", equalTo(5))
                .body("parties.find { it.name == 'Winkeliers' }.sessions", equalTo(1))
                .body("parties.find { it.name == 'Woningcorporatie' }.sessions", equalTo(0))
                .body("pairs", hasSize(6))
                .body(pair.formatted("Bewoners", "Gemeente") + ".sessions", equalTo(3))
                .body(
                        pair.formatted("Bewoners", "Gemeente") + ".lastMetAt",
                        equalTo(first.plusWeeks(3).toInstant().toString()))
                .body(pair.formatted("Bewoners", "Winkeliers") + ".sessions", equalTo(1))
                .body(pair.formatted("Gemeente", "Winkeliers") + ".sessions", equalTo(1))
                .body(pair.formatted("Bewoners", "Woningcorporatie") + ".sessions", equalTo(0))
                .body(pair.formatted("Bewoners", "Woningcorporatie") + ".lastMetAt", nullValue())
                .body(pair.formatted("Winkeliers", "Woningcorporatie") + ".sessions", equalTo(0))
                .body("toString()", not(org.hamcrest.Matchers.containsString("participantId")));
        Api.as("admin-x", "admin", Api.OTHER_TENANT)
                .get("/api/v1/engagements/{id}/bridges", engagement)
                .then()
                .statusCode(404);
    }
}
