package org.dialoog.engagement.messaging;

import static org.awaitility.Awaitility.await;
import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /engagements/{id}/health from feedback-service's FeedbackResultsUpdated and session-service's SessionCompleted, as documented. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class EngagementHealthTest {

    private static final String RESULTS = "nl.dialoog.feedback.feedback-results-updated.v1";
    private static final String COMPLETED = "nl.dialoog.session.session-completed.v1";

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void resultsAndSessionsFromEventsShowTheLatestValueAndTheTrend() {
        UUID engagement = Api.createEngagement("Gezond traject");
        OffsetDateTime start = OffsetDateTime.parse("2026-01-10T19:00:00+01:00");
        double[] trust = {40.0, 55.0, 70.0};
        UUID lastRound = null;
        try (EventPublisher events = new EventPublisher()) {
            for (int i = 0; i < trust.length; i++) {
                lastRound = UUID.randomUUID();
                results(
                        events,
                        engagement,
                        lastRound,
                        start.plusWeeks(i),
                        10,
                        false,
                        List.of(dimension("TRUST", trust[i]), dimension("CALM", 60.0)));
            }
            // a round too small to show anything: counts its responses, adds no values
            results(events, engagement, UUID.randomUUID(), start.plusWeeks(3), 3, true, List.of());
            for (int i = 0; i < 2; i++) {
                UUID session = UUID.randomUUID();
                String data = DocumentedEvents.example(
                        "session-service",
                        COMPLETED,
                        Map.of(
                                "sessionId",
                                session.toString(),
                                "engagementId",
                                engagement.toString(),
                                "tenant",
                                Api.TENANT));
                events.send(
                        "dialoog.sessions",
                        "urn:dialoog:session-service",
                        UUID.randomUUID().toString(),
                        COMPLETED,
                        engagement,
                        Api.TENANT,
                        data);
            }
        }
        String t = "dimensions.find { it.dimension == 'TRUST' }";
        UUID expectedLatest = Objects.requireNonNull(lastRound, "three rounds were sent");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> facilitator()
                        .get("/api/v1/engagements/{id}/health", engagement)
                        .then()
                        .statusCode(200)
                        .body("sessionsHeld", equalTo(2))
                        .body("feedbackRounds", equalTo(4)));
        facilitator()
                .get("/api/v1/engagements/{id}/health", engagement)
                .then()
                .body("responses", equalTo(33))
                .body(t + ".latest.mean", closeTo(70.0, 1e-9))
                .body(t + ".latest.roundId", equalTo(expectedLatest.toString()))
                .body(t + ".slopePerRound", closeTo(15.0, 1e-9))
                .body(t + ".trend", equalTo("RISING"))
                .body(t + ".series.size()", equalTo(3))
                .body("dimensions.find { it.dimension == 'CALM' }.trend", equalTo("STABLE"))
                .body("dimensions.find { it.dimension == 'VOICE' }.latest", nullValue())
                .body("dimensions.find { it.dimension == 'VOICE' }.trend", equalTo("INSUFFICIENT_DATA"));
        Api.as("fac-bram", "facilitator", Api.TENANT)
                .get("/api/v1/engagements/{id}/health", engagement)
                .then()
                .statusCode(404);
        Api.as("admin-x", "admin", Api.OTHER_TENANT)
                .get("/api/v1/engagements/{id}/health", engagement)
                .then()
                .statusCode(404);
    }

    private static Map<String, Object> dimension(String name, double mean) {
        return Map.of("dimension", name, "answers", 10, "mean", mean, "ci95Low", mean - 5, "ci95High", mean + 5);
    }

    private static void results(
            EventPublisher events,
            UUID engagement,
            UUID round,
            OffsetDateTime started,
            int responses,
            boolean withheld,
            List<Map<String, Object>> dimensions) {
        String data = DocumentedEvents.example(
                "feedback-service",
                RESULTS,
                Map.of(
                        "roundId",
                        round.toString(),
                        "engagementId",
                        engagement.toString(),
                        "tenant",
                        Api.TENANT,
                        "roundStartedAt",
                        started.toString(),
                        "responses",
                        responses,
                        "withheld",
                        withheld,
                        "dimensions",
                        dimensions,
                        "parties",
                        List.of()));
        events.send(
                "dialoog.feedback",
                "urn:dialoog:feedback-service",
                UUID.randomUUID().toString(),
                RESULTS,
                engagement,
                Api.TENANT,
                data);
    }
}
