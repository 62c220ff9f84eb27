package org.dialoog.feedback.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
import org.dialoog.feedback.Feedback;
import org.dialoog.feedback.Feedback.Mail;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feedback rounds reach their people by mail: message requests on dialoog.messages, read with a
 * real consumer, each with a personal link whose token answers once; reminders to everyone asked,
 * without a link; MANUAL rounds mail nothing.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class RoundMailTest {

    private static final String OPENED = "FEEDBACK_ROUND_OPENED";
    private static final String REMINDER = "FEEDBACK_ROUND_REMINDER";
    /** Long enough for the mailing job (every second in tests) to have run a few times. */
    private static final Duration A_FEW_JOB_RUNS = Duration.ofSeconds(3);

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
    void aCompletedSessionMailsEachAttendeeOneLinkThatAnswersOnce() throws Exception {
        Feedback.Engagement e = feedback.engagement(3, 2);
        facilitator()
                .body(Map.of("autoSessionEvaluation", true, "minGroupSize", 2))
                .put("/api/v1/engagements/{id}/settings", e.id())
                .then()
                .statusCode(200);
        UUID session = UUID.randomUUID();
        List<UUID> attendees = List.of(
                e.participants(0).get(0),
                e.participants(0).get(1),
                e.participants(1).get(0),
                e.participants(1).get(1));
        feedback.sessionCompleted(e, session, attendees);
        String round = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> facilitator()
                                .get("/api/v1/feedback-rounds?sessionId=" + session)
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);

        List<Mail> mails = Feedback.mails(round, OPENED, attendees.size());
        assertThat(mails).extracting(Mail::participantId).containsExactlyInAnyOrderElementsOf(attendees);
        assertThat(mails)
                .extracting(Mail::link)
                .doesNotHaveDuplicates()
                .allSatisfy(link -> assertThat(link)
                        .startsWith("http")
                        .contains("/api/v1/feedback-rounds/" + round + "/responses#token="));
        assertThat(mails)
                .allSatisfy(m -> assertThat(m.values())
                        .containsEntry("roundTitle", "Evaluatie bijeenkomst")
                        .containsKey("closesAt"));
        facilitator()
                .get("/api/v1/feedback-rounds/{id}", round)
                .then()
                .body("delivery", equalTo("MAIL"))
                .body("mailedAt", notNullValue());

        Map<String, Object> answers =
                Map.of("trust", 4, "communication", 4, "voice", 5, "sharedSolution", 3, "ownership", 2, "calm", 4);
        for (Mail m : mails) {
            respond(round, m.token(), answers).statusCode(201);
        }
        respond(round, mails.get(0).token(), answers).statusCode(409).body("detail", containsString("already used"));
        // the mailed ones have their tokens: hand distribution issues none again
        facilitator()
                .post("/api/v1/feedback-rounds/{id}/tokens", round)
                .then()
                .statusCode(200)
                .body("issued.size()", equalTo(0))
                .body("alreadyIssued", equalTo(attendees.size()));

        // the same fact again (a redelivery with a new event id) mails no one twice
        feedback.sessionCompleted(e, session, attendees);
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, OPENED, attendees.size() + 1, A_FEW_JOB_RUNS))
                .hasSize(attendees.size());
        facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .body("responses", equalTo(attendees.size()));
    }

    @Test
    void aFacilitatorOpenedRoundMailsEveryParticipantOnceEvenWhenOpenedTwice() throws Exception {
        Feedback.Engagement e = feedback.engagement(2, 3);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        Map<String, Object> body = Map.of(
                "engagementId",
                e.id().toString(),
                "questionnaireId",
                questionnaire,
                "audience",
                "PARTICIPANTS",
                "closesAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
        String key = UUID.randomUUID().toString();
        String round = facilitator()
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(201)
                .body("delivery", equalTo("MAIL"))
                .body("mailedAt", notNullValue())
                .extract()
                .path("id");
        facilitator()
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(201)
                .body("id", equalTo(round));

        List<Mail> mails = Feedback.mails(round, OPENED, e.allParticipants().size());
        assertThat(mails).extracting(Mail::participantId).containsExactlyInAnyOrderElementsOf(e.allParticipants());
        assertThat(mails)
                .allSatisfy(m -> assertThat(m.values())
                        .containsEntry("roundTitle", "Peiling")
                        .containsKey("closesAt"));
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, OPENED, e.allParticipants().size() + 1, A_FEW_JOB_RUNS))
                .hasSize(e.allParticipants().size());
        respond(round, mails.get(0).token(), Map.of("trust", 5)).statusCode(201);
    }

    @Test
    void aFacilitatorOpenedAttendeesRoundMailsTheAttendeesOfItsCompletedSession() throws Exception {
        Feedback.Engagement e = feedback.engagement(3);
        UUID session = UUID.randomUUID();
        List<UUID> attendees = e.participants(0).subList(0, 2);
        feedback.sessionCompleted(e, session, attendees); // the engagement does not open rounds by itself
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Feedback.count("select count(*) from session_attendee where session_id = ?", session)
                        == attendees.size());
        String round = Feedback.mailedRound(
                e.id(),
                Feedback.questionnaire(List.of(Feedback.TRUST)),
                "ATTENDEES",
                Map.of("sessionId", session.toString()));
        List<Mail> mails = Feedback.mails(round, OPENED, attendees.size());
        assertThat(mails).extracting(Mail::participantId).containsExactlyInAnyOrderElementsOf(attendees);
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, OPENED, attendees.size() + 1, A_FEW_JOB_RUNS))
                .hasSize(attendees.size());
    }

    @Test
    void anAttendeesRoundOpenedBeforeItsSessionCompletedIsMailedWhenTheAttendanceArrives() throws Exception {
        Feedback.Engagement e = feedback.engagement(3);
        UUID session = UUID.randomUUID();
        feedback.sessionScheduled(e, session, "Avond over het plein");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Feedback.count("select count(*) from known_session where id = ?", session) == 1);
        String round = Feedback.mailedRound(
                e.id(),
                Feedback.questionnaire(List.of(Feedback.TRUST)),
                "ATTENDEES",
                Map.of("sessionId", session.toString()));
        facilitator().get("/api/v1/feedback-rounds/{id}", round).then().body("mailedAt", nullValue());
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, OPENED, 1, A_FEW_JOB_RUNS))
                .as("nobody known to mail yet")
                .isEmpty();

        List<UUID> attendees = e.participants(0).subList(0, 2);
        feedback.sessionCompleted(e, session, attendees);
        List<Mail> mails = Feedback.mails(round, OPENED, attendees.size());
        assertThat(mails).extracting(Mail::participantId).containsExactlyInAnyOrderElementsOf(attendees);
        assertThat(mails).allSatisfy(m -> assertThat(m.values()).containsEntry("sessionTitle", "Avond over het plein"));
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, OPENED, attendees.size() + 1, A_FEW_JOB_RUNS))
                .hasSize(attendees.size());
    }

    @Test
    void aReminderAsksEveryIssuedParticipantAgainWithoutALink() throws Exception {
        Feedback.Engagement e = feedback.engagement(3);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String round = Feedback.mailedRound(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        List<Mail> opened = Feedback.mails(round, OPENED, 3);
        // one answers; the reminder still goes to all three, so it says nothing about who answered
        respond(round, opened.get(0).token(), Map.of("trust", 3)).statusCode(201);

        facilitator()
                .post("/api/v1/feedback-rounds/{id}/reminders", round)
                .then()
                .statusCode(202)
                .body("roundId", equalTo(round))
                .body("asked", equalTo(3))
                .body("remindedAt", notNullValue());
        List<Mail> reminders = Feedback.mails(round, REMINDER, 3);
        assertThat(reminders).extracting(Mail::participantId).containsExactlyInAnyOrderElementsOf(e.allParticipants());
        assertThat(reminders).allSatisfy(m -> {
            assertThat(m.link()).isNull();
            assertThat(m.raw()).doesNotContain("token");
            assertThat(m.values()).containsEntry("roundTitle", "Peiling");
        });

        // at most one per hour
        facilitator()
                .post("/api/v1/feedback-rounds/{id}/reminders", round)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("the next one can go from"));
        assertThat(Feedback.mails(round, REMINDER, 4, Duration.ofSeconds(2))).hasSize(3);
        // only the round's facilitators; only while it is open
        Feedback.as("fac-bram", "facilitator", Feedback.TENANT)
                .post("/api/v1/feedback-rounds/{id}/reminders", round)
                .then()
                .statusCode(404);
        facilitator().post("/api/v1/feedback-rounds/{id}/close", round).then().statusCode(200);
        facilitator()
                .post("/api/v1/feedback-rounds/{id}/reminders", round)
                .then()
                .statusCode(409)
                .body("detail", containsString("only while it is open"));
        String later = Feedback.mailedRound(
                e.id(),
                questionnaire,
                "PARTICIPANTS",
                Map.of("opensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()));
        facilitator()
                .post("/api/v1/feedback-rounds/{id}/reminders", later)
                .then()
                .statusCode(409);
    }

    @Test
    void aRoundIsRemindedByItselfOnceShortlyBeforeItCloses() throws Exception {
        // the test profile reminds 10 minutes before closesAt
        Feedback.Engagement e = feedback.engagement(2);
        String round = Feedback.mailedRound(
                e.id(),
                Feedback.questionnaire(List.of(Feedback.TRUST)),
                "PARTICIPANTS",
                Map.of(
                        "closesAt",
                        OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).toString()));
        List<Mail> reminders = Feedback.mails(round, REMINDER, 2);
        assertThat(reminders).extracting(Mail::participantId).containsExactlyInAnyOrderElementsOf(e.allParticipants());
        assertThat(reminders).extracting(Mail::link).containsOnlyNulls();
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, REMINDER, 3, A_FEW_JOB_RUNS)).hasSize(2);
        facilitator().get("/api/v1/feedback-rounds/{id}", round).then().body("remindedAt", notNullValue());
    }

    @Test
    void manualRoundsMailNothingAndHandOutEveryToken() throws Exception {
        Feedback.Engagement e = feedback.engagement(2);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        facilitator()
                .get("/api/v1/feedback-rounds/{id}", round)
                .then()
                .body("delivery", equalTo("MANUAL"))
                .body("mailedAt", nullValue());
        Thread.sleep(A_FEW_JOB_RUNS.toMillis());
        assertThat(Feedback.mails(round, OPENED, 1, A_FEW_JOB_RUNS)).isEmpty();
        assertThat(Feedback.tokens(round).keySet()).containsExactlyInAnyOrderElementsOf(e.allParticipants());
        // a PUBLIC round has nobody to mail: MANUAL by default, MAIL refused
        facilitator()
                .body(Map.of(
                        "engagementId",
                        e.id(),
                        "questionnaireId",
                        questionnaire,
                        "audience",
                        "PUBLIC",
                        "delivery",
                        "MAIL"))
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("delivery"));
        String open = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
        facilitator().get("/api/v1/feedback-rounds/{id}", open).then().body("delivery", equalTo("MANUAL"));
    }
}
