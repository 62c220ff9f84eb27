package org.dialoog.feedback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.feedback.Feedback.respond;

import java.time.Duration;
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
import org.dialoog.feedback.events.EventTypes;
import org.dialoog.feedback.service.ResultsPublication;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas running the results job at the same moment publish each change of a round's results
 * once: the round's row lock orders them and the one that comes second finds nothing new.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class ResultsPublisherTest {

    private static final int REPLICAS = 4;

    private static Feedback feedback;

    @Inject
    ResultsPublication publication;

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
    void jobsOfSeveralReplicasRunningAtOncePublishEachChangeOnce() throws Exception {
        Feedback.Engagement e = feedback.engagement(6);
        String round =
                Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PARTICIPANTS", Map.of());
        List<String> tokens = List.copyOf(Feedback.tokens(round).values());
        for (int i = 0; i < 5; i++) {
            respond(round, tokens.get(i), Map.of("trust", 4)).statusCode(201);
        }
        // this application's own job publishes the first change by itself (every second in tests); on a slow machine
        // a run can fall between two of the answers above and publish an intermediate count as well, which is a change
        // of its own (CI saw 2 then 5): the claim is one event per published count, not one event per test step
        await().alias("the application's own job publishing the first change")
                .atMost(Duration.ofSeconds(15))
                .until(() -> upToDate(round) && publishedCounts(round).contains(5L));
        int before = publishedCounts(round).size();

        respond(round, tokens.get(5), Map.of("trust", 2)).statusCode(201);
        // the job of every "replica" at once, racing this application's own scheduled job too
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            CyclicBarrier together = new CyclicBarrier(REPLICAS);
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < REPLICAS; r++) {
                runs.add(replicas.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    publication.publishFor(Feedback.TENANT, UUID.fromString(round));
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> upToDate(round));
        Thread.sleep(2_000); // two more runs of the scheduled job: still nothing new to publish
        List<Long> counts = publishedCounts(round);
        assertThat(counts)
                .as("the change to 6 responses published, once")
                .hasSize(before + 1)
                .endsWith(6L);
        assertThat(counts).as("one event per change of the results").doesNotHaveDuplicates();
    }

    /** The response count of each FeedbackResultsUpdated of the round, in the order they were written. */
    private static List<Long> publishedCounts(String round) throws Exception {
        return Feedback.longs(
                "select cast(payload->>'responses' as bigint) from outbox_event where type = ? and subject = ? order by seq",
                EventTypes.RESULTS_UPDATED,
                round);
    }

    private static boolean upToDate(String round) throws Exception {
        return Feedback.count(
                        "select count(*) from feedback_round r where r.id = cast(? as uuid) and r.published_responses ="
                                + " (select coalesce(sum(n), 0) from answer_count where round_id = r.id and question_key = '')",
                        round)
                == 1;
    }
}
