package org.dialoog.feedback.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;

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
import io.restassured.path.json.JsonPath;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Insights across rounds: is trust growing, are the parties growing toward each other? */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class InsightsTest {

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
    void aRisingTrustSeriesGivesARisingTrendAndShrinkingDivergence() {
        Feedback.Engagement e = feedback.engagement(5, 5);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST, Feedback.scale("calm", "CALM")));
        // three monthly rounds: residents 1 → 3 → 5, municipality 3 → 4 → 5; calm stays at 3
        int[][] trust = {{1, 3}, {3, 4}, {5, 5}};
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(3);
        for (int r = 0; r < trust.length; r++) {
            String round = Feedback.round(
                    e.id(),
                    questionnaire,
                    "PARTICIPANTS",
                    Map.of("opensAt", start.plusMonths(r).toString()));
            Map<UUID, String> tokens = Feedback.tokens(round);
            for (int p = 0; p < 2; p++) {
                for (UUID participant : e.participants(p)) {
                    respond(round, Feedback.token(tokens, participant), Map.of("trust", trust[r][p], "calm", 3))
                            .statusCode(201);
                }
            }
        }
        JsonPath insights = facilitator()
                .get("/api/v1/engagements/{id}/insights", e.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(insights.getList("rounds.responses", Integer.class)).containsExactly(10, 10, 10);
        String t = "dimensions.find { it.dimension == 'TRUST' }";
        // 0–100: round means (1+3)/2 → 25, (3+4)/2 → 62.5, 100
        assertThat(insights.getList(t + ".series.mean", Double.class)).containsExactly(25.0, 62.5, 100.0);
        assertThat(insights.getString(t + ".trend.direction")).isEqualTo("RISING");
        assertThat(insights.getDouble(t + ".trend.slopePerRound")).isEqualTo(37.5);
        // party means 0|50, 50|75, 100|100: spread 25, 12.5, 0
        assertThat(insights.getList(t + ".divergence.series.spread", Double.class))
                .containsExactly(25.0, 12.5, 0.0);
        assertThat(insights.getString(t + ".divergence.trend.direction")).isEqualTo("CONVERGING");
        String residents = t + ".parties.find { it.partyId == '" + e.parties().get(0) + "' }";
        assertThat(insights.getList(residents + ".series.mean", Double.class)).containsExactly(0.0, 50.0, 100.0);
        assertThat(insights.getString(residents + ".trend.direction")).isEqualTo("RISING");
        assertThat(insights.getString(residents + ".name")).isEqualTo("Partij 1");
        String c = "dimensions.find { it.dimension == 'CALM' }";
        assertThat(insights.getString(c + ".trend.direction")).isEqualTo("STABLE");
        assertThat(insights.getList("dimensions.dimension")).containsExactly("TRUST", "CALM");

        String csv = facilitator()
                .get("/api/v1/engagements/{id}/insights?format=csv", e.id())
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("dimension,round_id,round_started_at,scope,party_id");
        // per dimension: 3 overall rows, 2 parties × 3 rows, 3 divergence rows
        assertThat(lines).hasSize(1 + 2 * (3 + 6 + 3));
        assertThat(lines).anyMatch(l -> l.startsWith("TRUST,") && l.contains(",ALL,") && l.contains(",100.00,"));
        assertThat(lines).anyMatch(l -> l.startsWith("TRUST,") && l.contains(",DIVERGENCE,") && l.endsWith(",25.00"));
    }

    @Test
    void insightsKeepSmallPartiesHiddenAndBelongToTheEngagementsPeople() {
        Feedback.Engagement e = feedback.engagement(5, 2);
        String round =
                Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PARTICIPANTS", Map.of());
        Map<UUID, String> tokens = Feedback.tokens(round);
        e.allParticipants()
                .forEach(p -> respond(round, Feedback.token(tokens, p), Map.of("trust", 4))
                        .statusCode(201));
        JsonPath insights = facilitator()
                .get("/api/v1/engagements/{id}/insights", e.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String t = "dimensions.find { it.dimension == 'TRUST' }";
        assertThat(insights.getList(t + ".parties.series.flatten().suppressed", Boolean.class))
                .containsOnly(true);
        assertThat(insights.getList(t + ".divergence.series.spread")).containsOnlyNulls();
        Feedback.as("fac-bram", "facilitator", Feedback.TENANT)
                .get("/api/v1/engagements/{id}/insights", e.id())
                .then()
                .statusCode(404);
        Feedback.as("admin-x", "admin", "other")
                .get("/api/v1/engagements/{id}/insights", e.id())
                .then()
                .statusCode(404);
        facilitator()
                .get("/api/v1/engagements/{id}/insights?format=xml", e.id())
                .then()
                .statusCode(400);
    }
}
