package org.dialoog.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.facilitator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.session.Api;
import org.dialoog.session.MessageTopic;
import org.dialoog.session.service.Reminders;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders go out once per offset, however many replicas' jobs race for them, and one whose moment
 * had passed when the session was scheduled is skipped, not sent late.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class ReminderJobTest {

    private static final int REPLICAS = 4;

    private static EngagementEventsFixture events;

    @Inject
    Reminders reminders;

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
    void jobsOfSeveralReplicasRunningAtOnceSendEachReminderOnceAndSkipThoseAlreadyPast() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 4);
        List<UUID> p = e.allParticipants();
        // 2 h 6 s ahead: the 48 h reminder is past already, the 2 h one comes due in a few seconds
        OffsetDateTime start =
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).plusSeconds(6).withNano(0);
        String session = Api.scheduleWith(
                e.id(), start, Map.of("facilitators", List.of("fac-reminders-" + UUID.randomUUID()), "capacity", 10));
        facilitator().get("/api/v1/sessions/{id}", session).then().body("reminders", equalTo(List.of("PT48H", "PT2H")));
        facilitator()
                .body(Map.of("participantIds", p))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);
        answer(session, p.get(0), "ACCEPTED");
        answer(session, p.get(1), "TENTATIVE");
        answer(session, p.get(2), "DECLINED"); // p[3] never answers
        assertThat(Api.count(
                        "select count(*) from session_reminder where session_id = cast(? as uuid) and reminder = 'PT48H'"
                                + " and outcome = 'SKIPPED'",
                        session))
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !OffsetDateTime.now(ZoneOffset.UTC).isBefore(start.minusHours(2)));
        // the job of every "replica" at once, racing this application's own scheduled job too
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            CyclicBarrier together = new CyclicBarrier(REPLICAS);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < REPLICAS; r++) {
                runs.add(replicas.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return reminders.remind(Api.TENANT, UUID.fromString(session));
                }));
            }
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(MessageTopic.read(e.id(), MessageTopic.kind("SESSION_REMINDER", session), 2))
                .hasSizeGreaterThanOrEqualTo(2);
        Thread.sleep(3_000); // three more runs of the scheduled job: nothing more to send
        List<JsonNode> sent =
                MessageTopic.read(e.id(), MessageTopic.kind("SESSION_REMINDER", session), 3, Duration.ofSeconds(5));
        assertThat(sent)
                .as("one reminder for the accepted and one for the tentative invitee, at 2 h only")
                .hasSize(2);
        assertThat(sent)
                .extracting(MessageTopic::recipient)
                .containsExactlyInAnyOrder(p.get(0).toString(), p.get(1).toString());
        for (JsonNode m : sent) {
            assertThat(m.path("values").path("reminder").asText()).isEqualTo("PT2H");
            assertThat(m.path("link").asText()).contains("/api/v1/personal-invitations/");
        }
        assertThat(Api.count(
                        "select count(*) from session_reminder where session_id = cast(? as uuid) and outcome = 'SENT'",
                        session))
                .isEqualTo(1);
        // a later run, as after a restart, finds the reminder recorded
        assertThat(reminders.remind(Api.TENANT, UUID.fromString(session))).isZero();
    }

    @Test
    void aSessionMovedCloseToItsStartSkipsTheRemindersWhoseMomentPassed() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(
                e.id(), Api.nextWeek(), Map.of("facilitators", List.of("fac-reminders-" + UUID.randomUUID())));
        facilitator()
                .body(Map.of("participantIds", e.allParticipants()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);
        answer(session, e.allParticipants().get(0), "ACCEPTED");
        assertThat(Api.count("select count(*) from session_reminder where session_id = cast(? as uuid)", session))
                .isZero();

        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90).withNano(0);
        String etag = facilitator()
                .get("/api/v1/sessions/{id}", session)
                .then()
                .extract()
                .header("ETag");
        facilitator()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of(
                        "startsAt", soon.toString(), "endsAt", soon.plusHours(2).toString()))
                .patch("/api/v1/sessions/{id}", session)
                .then()
                .statusCode(200);
        assertThat(Api.count(
                        "select count(*) from session_reminder where session_id = cast(? as uuid) and outcome = 'SKIPPED'",
                        session))
                .isEqualTo(2);
        Thread.sleep(2_000); // two runs of the scheduled job
        assertThat(reminders.remind(Api.TENANT, UUID.fromString(session))).isZero();
        assertThat(MessageTopic.read(e.id(), MessageTopic.kind("SESSION_REMINDER", session), 1, Duration.ofSeconds(3)))
                .as("reminders late for the new start are not sent")
                .isEmpty();
    }

    @Test
    void remindersAreCheckedAndNormalised() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        facilitator()
                .body(withReminders(e.id(), List.of("PT0S", "P31D", "soon", "PT2H", "PT120M")))
                .post("/api/v1/sessions")
                .then()
                .statusCode(400)
                .body(
                        "invalidParams.name",
                        equalTo(List.of("reminders[0]", "reminders[1]", "reminders[2]", "reminders[4]")));
        facilitator()
                .body(withReminders(e.id(), List.of("PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H")))
                .post("/api/v1/sessions")
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItems("reminders"));
        facilitator()
                .body(withReminders(e.id(), List.of("PT1H", "P2D")))
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .body("reminders", equalTo(List.of("PT48H", "PT1H")));
        facilitator()
                .body(withReminders(e.id(), List.of()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .body("reminders", equalTo(List.of()));
    }

    private static Map<String, Object> withReminders(UUID engagementId, List<String> reminders) {
        Map<String, Object> body = new java.util.HashMap<>(Api.session(engagementId, Api.nextWeek()));
        body.put("reminders", reminders);
        return body;
    }

    private static void answer(String session, UUID participant, String response) {
        facilitator()
                .body(Map.of("response", response))
                .put("/api/v1/sessions/{id}/invitations/{p}", session, participant)
                .then()
                .statusCode(200);
    }
}
