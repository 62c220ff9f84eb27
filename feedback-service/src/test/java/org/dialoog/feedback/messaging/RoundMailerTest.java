package org.dialoog.feedback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.feedback.Feedback;
import org.dialoog.feedback.service.RoundMailingSteps;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A round that opens later is mailed when it opens, once, even with the mailing job of several
 * replicas running at the same moment: the round's row lock orders them and the ones that come
 * after the first find the round mailed.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class RoundMailerTest {

    private static final int REPLICAS = 4;
    private static final String OPENED = "FEEDBACK_ROUND_OPENED";

    private static Feedback feedback;

    @Inject
    RoundMailingSteps steps;

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
    void aRoundOpeningLaterIsMailedOnceWhenItOpensByTheJobsOfSeveralReplicas() throws Exception {
        Feedback.Engagement e = feedback.engagement(3, 2);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        OffsetDateTime opensAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(6);
        String round =
                Feedback.mailedRound(e.id(), questionnaire, "PARTICIPANTS", Map.of("opensAt", opensAt.toString()));
        facilitator()
                .get("/api/v1/feedback-rounds/{id}", round)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SCHEDULED"))
                .body("mailedAt", nullValue());
        assertThat(Feedback.count("select count(*) from token_issue where round_id = cast(? as uuid)", round))
                .as("nothing issued before the round opens")
                .isZero();

        // the job of every "replica" at once, the moment the round opens, racing this application's own job
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        List<Integer> mailed = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(REPLICAS);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < REPLICAS; r++) {
                runs.add(replicas.submit(() -> {
                    together.await(20, TimeUnit.SECONDS);
                    long wait = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), opensAt)
                            .toMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    return steps.mail(Feedback.TENANT, UUID.fromString(round));
                }));
            }
            for (Future<Integer> run : runs) {
                mailed.add(run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            replicas.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> facilitator()
                        .get("/api/v1/feedback-rounds/{id}", round)
                        .then()
                        .body("mailedAt", notNullValue()));
        assertThat(mailed.stream().mapToInt(Integer::intValue).sum())
                .as("the replicas' steps together mailed at most the audience, once")
                .isLessThanOrEqualTo(e.allParticipants().size());
        Thread.sleep(3_000); // more runs of the scheduled job: nothing more to mail
        List<Feedback.Mail> mails =
                Feedback.mails(round, OPENED, e.allParticipants().size() + 1, Duration.ofSeconds(5));
        assertThat(mails)
                .extracting(Feedback.Mail::participantId)
                .containsExactlyInAnyOrderElementsOf(e.allParticipants());
        assertThat(Feedback.count("select count(*) from token_issue where round_id = cast(? as uuid)", round))
                .isEqualTo(e.allParticipants().size());
        assertThat(Feedback.count("select count(*) from respondent_token where round_id = cast(? as uuid)", round))
                .isEqualTo(e.allParticipants().size());
    }
}
