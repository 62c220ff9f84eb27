package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invitations to parties and participants, answers, capacity and the waitlist. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class InvitationCapacityTest {

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
    void fiftyConcurrentAcceptancesOfACapacityTenSessionSeatTenAndWaitlistForty() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 25, 25);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of("capacity", 10));
        facilitator()
                .body(Map.of("partyIds", e.parties()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200)
                .body("invited", hasSize(50));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> answers = new ArrayList<>();
            for (UUID participant : e.allParticipants()) {
                answers.add(() -> facilitator()
                        .body(Map.of("response", "ACCEPTED"))
                        .put("/api/v1/sessions/{id}/invitations/{p}", session, participant)
                        .then()
                        .extract()
                        .statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(answers)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        facilitator()
                .get("/api/v1/sessions/{id}/invitations?status=ACCEPTED", session)
                .then()
                .body("total", equalTo(10));
        facilitator()
                .get("/api/v1/sessions/{id}/invitations?status=WAITLISTED", session)
                .then()
                .body("total", equalTo(40));
    }

    @Test
    void aDeclineFreesTheSeatForTheFirstOnTheWaitlist() {
        Api.Engagement e = Api.activeEngagement(events, 3);
        List<UUID> p = e.allParticipants();
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of("capacity", 1));
        facilitator()
                .body(Map.of("participantIds", p))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);

        respond(session, p.get(0), "ACCEPTED").body("status", equalTo("ACCEPTED"));
        respond(session, p.get(1), "ACCEPTED").body("status", equalTo("WAITLISTED"));
        respond(session, p.get(2), "ACCEPTED").body("status", equalTo("WAITLISTED"));
        respond(session, p.get(0), "DECLINED").body("status", equalTo("DECLINED"));

        facilitator()
                .get("/api/v1/sessions/{id}/invitations?status=ACCEPTED", session)
                .then()
                .body("items.participantId", equalTo(List.of(p.get(1).toString())));
        facilitator()
                .get("/api/v1/sessions/{id}/invitations?status=WAITLISTED", session)
                .then()
                .body("items.participantId", equalTo(List.of(p.get(2).toString())));
        ConsumerRecord<String, String> promoted = TopicReader.first(
                "dialoog.sessions",
                r -> r.value().contains(p.get(1).toString()) && r.value().contains("\"promotedFromWaitlist\":true"));
        assertThat(TopicReader.header(promoted, "ce_type")).isEqualTo("nl.dialoog.session.invitation-responded.v1");
        assertThat(promoted.key()).isEqualTo(e.id().toString());
    }

    @Test
    void aPartyInvitationInvitesItsParticipantsOnceAndNamesTheOnesAlreadyInvited() {
        Api.Engagement e = Api.activeEngagement(events, 2, 1);
        UUID party = e.parties().get(0);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .body(Map.of("participantIds", List.of(e.participants(party).get(0))))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200)
                .body("invited", hasSize(1));
        facilitator()
                .body(Map.of("partyIds", List.of(party)))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200)
                .body("invited", hasSize(1))
                .body("invited[0].partyId", equalTo(party.toString()))
                .body(
                        "alreadyInvited",
                        equalTo(List.of(e.participants(party).get(0).toString())));
        facilitator()
                .get("/api/v1/sessions/{id}/invitations", session)
                .then()
                .body("total", equalTo(2))
                .body("items.status", equalTo(List.of("INVITED", "INVITED")));
    }

    @Test
    void unknownParticipantsAndPartiesAreNamedInOneProblem() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        Api.Engagement other = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        facilitator()
                .body(Map.of(
                        "participantIds",
                        List.of(other.allParticipants().get(0)),
                        "partyIds",
                        List.of(UUID.randomUUID())))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", equalTo(List.of("participantIds[0]", "partyIds[0]")));
        facilitator().get("/api/v1/sessions/{id}/invitations", session).then().body("total", equalTo(0));
    }

    @Test
    void answersNeedAnInvitationAndAPlannedSession() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        UUID participant = e.allParticipants().get(0);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        respond(session, participant, "ACCEPTED")
                .statusCode(404)
                .body("detail", containsString(participant.toString()));
        facilitator()
                .body(Map.of("participantIds", List.of(participant)))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);
        facilitator()
                .body(Map.of("response", "WAITLISTED"))
                .put("/api/v1/sessions/{id}/invitations/{p}", session, participant)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("response"));
        facilitator()
                .body(Map.of("reason", "Storm"))
                .post("/api/v1/sessions/{id}/cancel", session)
                .then()
                .statusCode(200);
        respond(session, participant, "ACCEPTED").statusCode(409).body("detail", containsString("CANCELLED"));
    }

    @Test
    void anotherFacilitatorCannotInviteOrSeeTheSession() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        Api.as("fac-bram", "facilitator", Api.TENANT)
                .body(Map.of("participantIds", e.allParticipants()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(404);
        Api.as("fac-bram", "facilitator", Api.TENANT)
                .get("/api/v1/sessions/{id}", session)
                .then()
                .statusCode(404);
        Api.as("client-jan", "client", Api.TENANT)
                .get("/api/v1/sessions/{id}", session)
                .then()
                .statusCode(200);
        Api.as("client-jan", "client", Api.TENANT)
                .body(Map.of("participantIds", e.allParticipants()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse respond(
            String session, UUID participant, String response) {
        return facilitator()
                .body(Map.of("response", response))
                .put("/api/v1/sessions/{id}/invitations/{p}", session, participant)
                .then();
    }
}
