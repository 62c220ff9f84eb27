package org.dialoog.feedback.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rounds, tokens and responses through HTTP, against engagement and session facts from real events. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class FeedbackRoundTest {

    private static final Map<String, Object> CHOICE = Map.of(
            "key",
            "format",
            "text",
            "Welke vorm?",
            "type",
            "SINGLE_CHOICE",
            "options",
            List.of("plenair", "tafels"),
            "required",
            true);
    private static final Map<String, Object> TOPICS = Map.of(
            "key",
            "topics",
            "text",
            "Welke onderwerpen?",
            "type",
            "MULTIPLE_CHOICE",
            "options",
            List.of("verkeer", "groen", "wonen"),
            "required",
            false);
    private static final Map<String, Object> REMARKS =
            Map.of("key", "remarks", "text", "Opmerkingen?", "type", "TEXT", "required", false);

    private static Feedback feedback;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feedback = new Feedback();
    }

    @AfterAll
    static void tearDown() {
        feedback.close();
    }

    @Test
    void aRealSessionCompletedEventOpensTheEvaluationRoundForItsAttendees() {
        Feedback.Engagement e = feedback.engagement(3, 2);
        facilitator()
                .body(Map.of("autoSessionEvaluation", true, "minGroupSize", 3))
                .put("/api/v1/engagements/{id}/settings", e.id())
                .then()
                .statusCode(200)
                .body("minGroupSize", equalTo(3));
        UUID session = UUID.randomUUID();
        List<UUID> attendees = List.of(
                e.participants(0).get(0),
                e.participants(0).get(1),
                e.participants(1).get(0));
        feedback.sessionCompleted(e, session, attendees);

        String round = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> facilitator()
                                .get("/api/v1/feedback-rounds?sessionId=" + session)
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        facilitator()
                .get("/api/v1/feedback-rounds/{id}", round)
                .then()
                .statusCode(200)
                .body("audience", equalTo("ATTENDEES"))
                .body("automatic", equalTo(true))
                .body("state", equalTo("OPEN"))
                .body("minGroupSize", equalTo(3));
        // each attendee got one token, by mail
        Map<UUID, String> tokens = new java.util.HashMap<>();
        Feedback.mails(round, "FEEDBACK_ROUND_OPENED", attendees.size())
                .forEach(m -> tokens.put(m.participantId(), m.token()));
        assertThat(tokens.keySet()).containsExactlyInAnyOrderElementsOf(attendees);
        // the built-in session evaluation: six scale questions, one per dimension
        respond(
                        round,
                        Feedback.token(tokens, attendees.get(0)),
                        Map.of(
                                "trust",
                                4,
                                "communication",
                                4,
                                "voice",
                                5,
                                "sharedSolution",
                                3,
                                "ownership",
                                2,
                                "calm",
                                4,
                                "remarks",
                                "Fijne avond"))
                .statusCode(201);
        // redelivery of the same fact opens nothing more
        feedback.sessionCompleted(e, session, attendees);
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> facilitator()
                        .get("/api/v1/feedback-rounds?sessionId=" + session)
                        .then()
                        .body("total", equalTo(1)));
    }

    @Test
    void aTokenWorksOnceOnlyForItsRoundAndOnlyWhileTheRoundIsOpen() {
        Feedback.Engagement e = feedback.engagement(2);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        String other = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        List<String> tokens = List.copyOf(Feedback.tokens(round).values());
        Map<UUID, String> otherTokens = Feedback.tokens(other);

        respond(round, tokens.get(0), Map.of("trust", 4)).statusCode(201);
        respond(round, tokens.get(0), Map.of("trust", 4))
                .statusCode(409)
                .body("detail", containsString("already used"));
        respond(round, otherTokens.values().iterator().next(), Map.of("trust", 4))
                .statusCode(409)
                .body("detail", containsString("another feedback round"));
        respond(round, "not-a-token", Map.of("trust", 4)).statusCode(403);
        respond(round, null, Map.of("trust", 4)).statusCode(400).body("invalidParams.name", hasItem("token"));
        facilitator()
                .post("/api/v1/feedback-rounds/{id}/tokens", round)
                .then()
                .statusCode(200)
                .body("issued.size()", equalTo(0))
                .body("alreadyIssued", equalTo(2));

        facilitator()
                .post("/api/v1/feedback-rounds/{id}/close", round)
                .then()
                .statusCode(200)
                .body("state", equalTo("CLOSED"));
        respond(round, tokens.get(1), Map.of("trust", 4)).statusCode(409).body("detail", containsString("closed"));
        facilitator().post("/api/v1/feedback-rounds/{id}/close", round).then().statusCode(409);

        String later = Feedback.round(
                e.id(),
                questionnaire,
                "PARTICIPANTS",
                Map.of("opensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()));
        respond(later, Feedback.tokens(later).values().iterator().next(), Map.of("trust", 4))
                .statusCode(409)
                .body("detail", containsString("opens at"));
    }

    @Test
    void everyBadAnswerIsNamedAndNothingIsSpent() {
        Feedback.Engagement e = feedback.engagement(1);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST, CHOICE, TOPICS, REMARKS));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        String token = Feedback.tokens(round).values().iterator().next();
        respond(
                        round,
                        token,
                        Map.of(
                                "trust",
                                9,
                                "format",
                                "buiten",
                                "topics",
                                List.of("groen", "groen"),
                                "remarks",
                                42,
                                "extra",
                                1))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "invalidParams.name",
                        containsInAnyOrder(
                                "answers.trust",
                                "answers.format",
                                "answers.topics",
                                "answers.remarks",
                                "answers.extra"));
        respond(round, token, Map.of("topics", List.of("spoorwegen"), "trust", 2.5))
                .statusCode(400)
                .body("invalidParams.name", containsInAnyOrder("answers.trust", "answers.format", "answers.topics"));
        respond(round, token, Map.of("trust", 5, "format", "tafels", "topics", List.of("groen", "wonen")))
                .statusCode(201);
        facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .body("responses", equalTo(1));
    }

    @Test
    void roundsNeedAKnownActiveEngagementThatTheFacilitatorRuns() {
        Feedback.Engagement e = feedback.engagement(1);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        facilitator()
                .body(Map.of(
                        "engagementId",
                        UUID.randomUUID(),
                        "questionnaireId",
                        questionnaire,
                        "audience",
                        "PARTICIPANTS"))
                .post("/api/v1/feedback-rounds")
                .then()
                // not known here (yet): the copy may be behind a creation a moment ago, so "not yet", with Retry-After
                .statusCode(409)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:dialoog:problem:not-yet-known"))
                .body("invalidParams.name", hasItem("engagementId"));
        // another facilitator's engagement is refused exactly like one that does not exist: ids do not leak
        Feedback.as("fac-bram", "facilitator", Feedback.TENANT)
                .body(Map.of("engagementId", e.id(), "questionnaireId", questionnaire, "audience", "PARTICIPANTS"))
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:dialoog:problem:not-yet-known"))
                .body("invalidParams[0].name", equalTo("engagementId"))
                .body("detail", containsString("is not known here (yet)"));
        facilitator()
                .body(Map.of("engagementId", e.id(), "questionnaireId", questionnaire, "audience", "ATTENDEES"))
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("sessionId"));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        Feedback.as("fac-bram", "facilitator", Feedback.TENANT)
                .get("/api/v1/feedback-rounds/{id}", round)
                .then()
                .statusCode(404);
        Feedback.as("client-jan", "client", Feedback.TENANT)
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200);
    }

    @Test
    void citizenInputWaitsForModerationAndOnlyPublishedTextIsShown() {
        Feedback.Engagement e = feedback.engagement(1);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST, REMARKS));
        facilitator()
                .body(Map.of("autoSessionEvaluation", false, "minGroupSize", 2))
                .put("/api/v1/engagements/{id}/settings", e.id())
                .then()
                .statusCode(200);
        String round = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
        facilitator().post("/api/v1/feedback-rounds/{id}/tokens", round).then().statusCode(409);
        respond(round, null, Map.of("trust", 4, "remarks", "Meer groen in de wijk"))
                .statusCode(201);
        respond(round, null, Map.of("trust", 2, "remarks", "Jan de Vries van nummer 12 liegt"))
                .statusCode(201);
        respond(round, "a-token", Map.of("trust", 2)).statusCode(400);

        facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .body("responses", equalTo(2))
                .body("texts.size()", equalTo(0));
        List<Map<String, String>> pending = facilitator()
                .get("/api/v1/feedback-rounds/{id}/contributions?status=PENDING", round)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .extract()
                .path("items");
        String green = pending.stream()
                .filter(c -> text(c).contains("groen"))
                .findFirst()
                .orElseThrow()
                .get("id");
        String named = pending.stream()
                .filter(c -> text(c).contains("Jan"))
                .findFirst()
                .orElseThrow()
                .get("id");
        facilitator()
                .body(Map.of("decision", "REJECT"))
                .post("/api/v1/feedback-rounds/{r}/contributions/{c}/moderation", round, named)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("reason"));
        facilitator()
                .body(Map.of("decision", "REJECT", "reason", "Noemt een persoon"))
                .post("/api/v1/feedback-rounds/{r}/contributions/{c}/moderation", round, named)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("moderatedBy", equalTo(Feedback.FACILITATOR_ID));
        facilitator()
                .body(Map.of("decision", "PUBLISH"))
                .post("/api/v1/feedback-rounds/{r}/contributions/{c}/moderation", round, green)
                .then()
                .statusCode(200);
        facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .body("texts.text", equalTo(List.of("Meer groen in de wijk")));
        Feedback.as("int-1", "integration", Feedback.TENANT)
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .body("texts.size()", equalTo(0));
    }

    @Test
    void tooManyPublicResponsesFromOneAddressAre429() {
        Feedback.Engagement e = feedback.engagement(1);
        String phone = Feedback.randomAddress();
        String round = Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PUBLIC", Map.of());
        int refused = 0;
        for (int i = 0; i < 300 && refused == 0; i++) {
            var r = Feedback.anonymousFrom(phone)
                    .body(Map.of("answers", Map.of("trust", 6)))
                    .post("/api/v1/feedback-rounds/{id}/responses", round);
            if (r.statusCode() == 429) {
                refused = i + 1;
                assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
            } else {
                assertThat(r.statusCode()).isEqualTo(400);
            }
        }
        assertThat(refused).isBetween(2, 242);
        // another phone in the same room is not refused
        Feedback.anonymous()
                .body(Map.of("answers", Map.of("trust", 6)))
                .post("/api/v1/feedback-rounds/{id}/responses", round)
                .then()
                .statusCode(400);
    }

    /** A contribution's text, which every contribution has. */
    private static String text(Map<String, String> contribution) {
        return Objects.requireNonNull(contribution.get("text"), "a contribution has its text");
    }
}
