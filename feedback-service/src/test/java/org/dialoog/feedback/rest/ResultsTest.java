package org.dialoog.feedback.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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

/** Results with k-anonymity (k = 5 by default), read from the counters kept as responses arrive. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class ResultsTest {

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
    void aPartyWithFourResponsesIsSuppressedAndOneWithFiveIsShown() {
        Feedback.Engagement e = feedback.engagement(5, 4, 3);
        String round = everyoneAnswers(e, Map.of(0, 4, 1, 2, 2, 3));
        JsonPath results = results(round);
        assertThat(results.getInt("responses")).isEqualTo(12);
        assertThat(results.getBoolean("withheld")).isFalse();
        assertThat(party(results, e.parties().get(0)).get("suppressed")).isEqualTo(false);
        assertThat(party(results, e.parties().get(0)).get("responses")).isEqualTo(5);
        assertThat(party(results, e.parties().get(1)).get("suppressed")).isEqualTo(true);
        assertThat(party(results, e.parties().get(1)).get("responses")).isNull();
        assertThat(party(results, e.parties().get(1)).get("questions")).isEqualTo(List.of());
        assertThat(party(results, e.parties().get(2)).get("suppressed")).isEqualTo(true);
        // the shown party: five times 4
        assertThat(results.getDouble(
                        "parties.find { it.partyId == '" + e.parties().get(0) + "' }.questions[0].mean"))
                .isEqualTo(4.0);
        assertThat(results.getString(
                        "parties.find { it.partyId == '" + e.parties().get(0) + "' }.name"))
                .isEqualTo("Partij 1");
    }

    @Test
    void aPartyLargeEnoughIsStillSuppressedWhenTheHiddenOneCouldBeDerivedBySubtraction() {
        // k = 5: party C (2) is hidden; shown A (5) and B (6) would let C be computed as total − A − B
        Feedback.Engagement e = feedback.engagement(5, 6, 2);
        String round = everyoneAnswers(e, Map.of(0, 5, 1, 3, 2, 1));
        JsonPath results = results(round);
        assertThat(party(results, e.parties().get(2)).get("suppressed")).isEqualTo(true);
        assertThat(party(results, e.parties().get(0)).get("suppressed"))
                .as("the smallest shown party joins the hidden ones")
                .isEqualTo(true);
        assertThat(party(results, e.parties().get(1)).get("suppressed")).isEqualTo(false);
        assertThat(results.getInt("responses")).isEqualTo(13);
        // total minus the only shown party mixes A and C: 5·5 + 2·1 over 7, never C alone
        double total = results.getDouble("questions[0].mean") * 13;
        double shown =
                results.getDouble("parties.find { it.partyId == '" + e.parties().get(1) + "' }.questions[0].mean") * 6;
        assertThat((total - shown) / 7).isCloseTo(27.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fewerResponsesThanTheMinimumGroupSizeShowOnlyTheCount() {
        Feedback.Engagement e = feedback.engagement(3);
        String round = everyoneAnswers(e, Map.of(0, 5));
        facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .body("responses", equalTo(3))
                .body("withheld", equalTo(true))
                .body("questions.size()", equalTo(0))
                .body("dimensions.size()", equalTo(0))
                .body("parties[0].suppressed", equalTo(true));
    }

    @Test
    void distributionMeanIntervalAndRateOfAQuestion() {
        Feedback.Engagement e = feedback.engagement(8);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        List<String> tokens = List.copyOf(Feedback.tokens(round).values());
        int[] answers = {1, 2, 3, 4, 5, 5};
        for (int i = 0; i < answers.length; i++) {
            respond(round, tokens.get(i), Map.of("trust", answers[i])).statusCode(201);
        }
        // mean 20/6, sample sd 1.633, t(5) = 2.571: half-width 1.714
        facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .body("responses", equalTo(6))
                .body("tokensIssued", equalTo(8))
                .body("responseRate", closeTo(0.75, 1e-9))
                .body("questions[0].distribution.value", equalTo(List.of("1", "2", "3", "4", "5")))
                .body("questions[0].distribution.count", equalTo(List.of(1, 1, 1, 1, 2)))
                .body("questions[0].answers", equalTo(6))
                .body("questions[0].mean", closeTo(20.0 / 6, 1e-9))
                .body("questions[0].ci95Low", closeTo(20.0 / 6 - 1.7140, 1e-3))
                .body("questions[0].ci95High", closeTo(20.0 / 6 + 1.7140, 1e-3))
                .body("dimensions[0].dimension", equalTo("TRUST"))
                .body("dimensions[0].mean", closeTo((20.0 / 6 - 1) / 4 * 100, 1e-9))
                .body("parties[0].suppressed", equalTo(false))
                .body("texts", equalTo(List.of()))
                .body("questions[0].ci95Low", org.hamcrest.Matchers.not(nullValue()));
    }

    /** Opens a PARTICIPANTS round with one trust question; every participant of party i answers value(i). */
    private static String everyoneAnswers(Feedback.Engagement e, Map<Integer, Integer> valueByParty) {
        String round =
                Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PARTICIPANTS", Map.of());
        Map<UUID, String> tokens = Feedback.tokens(round);
        for (int p = 0; p < e.parties().size(); p++) {
            for (UUID participant : e.participants(p)) {
                respond(round, Feedback.token(tokens, participant), Map.of("trust", valueByParty.get(p)))
                        .statusCode(201);
            }
        }
        return round;
    }

    private static JsonPath results(String round) {
        return facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> party(JsonPath results, UUID party) {
        return results.getMap("parties.find { it.partyId == '" + party + "' }");
    }
}
