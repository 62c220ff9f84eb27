package org.dialoog.feedback.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The party × party trust matrix (#19): how the respondents of each party trust each other party,
 * k-anonymous per cell (k = 5 by default), with nothing published that adds cells together.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class TrustMatrixTest {

    private static final String KEY = "trustInParties";
    private static final Set<String> MATRIX_FIELDS = Set.of(
            "roundId",
            "engagementId",
            "sessionId",
            "startedAt",
            "state",
            "questionKey",
            "minGroupSize",
            "parties",
            "cells");
    private static final Set<String> CELL_FIELDS = Set.of("fromPartyId", "toPartyId", "answers", "mean", "suppressed");

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
    void threePartiesRateEachOtherAndEveryCellUnderKIsHiddenWithNoTotalToSubtractFrom() throws Exception {
        Feedback.Engagement e = feedback.engagement(5, 5, 3);
        UUID a = e.parties().get(0);
        UUID b = e.parties().get(1);
        UUID c = e.parties().get(2);
        String round = Feedback.round(e.id(), partyTrust(), "PARTICIPANTS", Map.of());
        Map<UUID, String> tokens = Feedback.tokens(round);
        // A: B gets 1, 2, 3, 4 and 5 (exactly k answers, mean 50 on 0–100), C gets 4 from all five (75)
        for (int i = 0; i < 5; i++) {
            rate(round, tokens, e.participants(0).get(i), Map.of(b, i + 1, c, 4))
                    .statusCode(201);
        }
        // B: A gets 5 from all five (100); only three of them rate C (1): a cell under k
        for (int i = 0; i < 5; i++) {
            rate(round, tokens, e.participants(1).get(i), i < 3 ? Map.of(a, 5, c, 1) : Map.of(a, 5))
                    .statusCode(201);
        }
        // C: three respondents, every cell of theirs under k
        for (UUID participant : e.participants(2)) {
            rate(round, tokens, participant, Map.of(a, 2, b, 2)).statusCode(201);
        }

        JsonPath matrix = matrix(round);
        assertThat(matrix.getString("questionKey")).isEqualTo(KEY);
        assertThat(matrix.getInt("minGroupSize")).isEqualTo(5);
        assertThat(matrix.getList("parties.name", String.class)).containsExactly("Partij 1", "Partij 2", "Partij 3");
        assertThat(matrix.getList("cells")).hasSize(6);
        assertThat(cell(matrix, a, b)).isEqualTo(shown(a, b, 5, 50.0));
        assertThat(cell(matrix, a, c)).isEqualTo(shown(a, c, 5, 75.0));
        assertThat(cell(matrix, b, a)).isEqualTo(shown(b, a, 5, 100.0));
        assertThat(cell(matrix, b, c)).isEqualTo(hidden(b, c));
        assertThat(cell(matrix, c, a)).isEqualTo(hidden(c, a));
        assertThat(cell(matrix, c, b)).isEqualTo(hidden(c, b));
        // B → C was counted (three answers, apart from the other results' counters) and is still not shown
        assertThat(Feedback.count(
                        "select sum(n) from party_trust_count where round_id = ? and from_party_id = ? and to_party_id = ?",
                        UUID.fromString(round),
                        b,
                        c))
                .isEqualTo(3);
        assertThat(Feedback.count(
                        "select count(*) from answer_count where round_id = ? and question_key = ?",
                        UUID.fromString(round),
                        KEY))
                .isZero();

        // no totals: the matrix holds its cells and nothing that adds them up
        assertThat(matrix.getMap("").keySet()).isEqualTo(MATRIX_FIELDS);
        List<Map<String, Object>> cells = matrix.getList("cells");
        assertThat(cells).allSatisfy(x -> assertThat(x.keySet()).isEqualTo(CELL_FIELDS));
        List<Map<String, Object>> parties = matrix.getList("parties");
        assertThat(parties).allSatisfy(x -> assertThat(x.keySet()).isEqualTo(Set.of("partyId", "name")));
        // nor do the round's results or the engagement's insights pool the trust answers per party or overall
        JsonPath results = facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(results.getInt("responses")).isEqualTo(13);
        assertThat(results.getList("questions")).isEmpty();
        assertThat(results.getList("dimensions")).isEmpty();
        assertThat(results.getList("parties.questions.flatten()")).isEmpty();
        assertThat(results.getList("parties.dimensions.flatten()")).isEmpty();
        assertThat(results.prettify()).doesNotContain(KEY);
        facilitator()
                .get("/api/v1/engagements/{id}/insights", e.id())
                .then()
                .statusCode(200)
                .body("dimensions.size()", equalTo(0));
    }

    @Test
    void badRatingsAreRefusedByNameAndSpendNothing() {
        Feedback.Engagement e = feedback.engagement(2, 2);
        Feedback.Engagement elsewhere = feedback.engagement(1);
        UUID own = e.parties().get(0);
        UUID other = e.parties().get(1);
        String round = Feedback.round(e.id(), partyTrust(), "PARTICIPANTS", Map.of());
        Map<UUID, String> tokens = Feedback.tokens(round);
        UUID respondent = e.participants(0).get(0);
        String field = "answers." + KEY + ".";
        UUID unknown = UUID.randomUUID();
        Map<UUID, Object> everythingWrong = new LinkedHashMap<>();
        everythingWrong.put(own, 4);
        everythingWrong.put(unknown, 3);
        everythingWrong.put(elsewhere.parties().get(0), 3);
        everythingWrong.put(other, 6);
        rate(round, tokens, respondent, everythingWrong)
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "invalidParams.name",
                        containsInAnyOrder(
                                field + own,
                                field + unknown,
                                field + elsewhere.parties().get(0),
                                field + other));
        rate(round, tokens, respondent, Map.of(own, 4))
                .statusCode(400)
                .body("invalidParams[0].name", equalTo(field + own))
                .body("invalidParams[0].reason", containsString("own party"));
        for (Object outOfRange : List.of(0, 6, 2.5, "4")) {
            rate(round, tokens, respondent, Map.of(other, outOfRange))
                    .statusCode(400)
                    .body("invalidParams.name", containsInAnyOrder(field + other));
        }
        for (Object notAnObject : List.of(4, List.of(4), Map.of("Partij 2", 4), Map.of())) {
            respond(round, Feedback.token(tokens, respondent), Map.of(KEY, notAnObject))
                    .statusCode(400)
                    .body("invalidParams.name", containsInAnyOrder("answers." + KEY));
        }
        // nothing was spent: the same token answers once, then never again
        rate(round, tokens, respondent, Map.of(other, 3)).statusCode(201);
        rate(round, tokens, respondent, Map.of(other, 3)).statusCode(409);
    }

    @Test
    void aPublicRoundCannotAskHowPartiesTrustEachOtherAndAQuestionnaireAsksItOnce() {
        Feedback.Engagement e = feedback.engagement(1);
        facilitator()
                .body(Map.of("engagementId", e.id().toString(), "questionnaireId", partyTrust(), "audience", "PUBLIC"))
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(400)
                .body("invalidParams.name", containsInAnyOrder("questionnaireId"));
        Map<String, Object> trust = partyTrustQuestion("trustA", "TRUST");
        facilitator()
                .body(Map.of(
                        "title",
                        "Twee keer",
                        "purpose",
                        "PULSE",
                        "questions",
                        List.of(trust, partyTrustQuestion("trustB", "CALM"))))
                .post("/api/v1/questionnaires")
                .then()
                .statusCode(400)
                .body("invalidParams.name", containsInAnyOrder("questions[1].type", "questions[1].dimension"));
    }

    @Test
    void aRoundWithoutTheQuestionHasNoMatrix() {
        Feedback.Engagement e = feedback.engagement(1);
        String round =
                Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PARTICIPANTS", Map.of());
        facilitator()
                .get("/api/v1/feedback-rounds/{id}/trust-matrix", round)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("PARTY_TRUST"));
    }

    @Test
    void trustBetweenAPairRisingOverTwoRoundsIsRisingAndAPairHiddenOnceHasTooLittleData() {
        Feedback.Engagement e = feedback.engagement(5, 5);
        UUID a = e.parties().get(0);
        UUID b = e.parties().get(1);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(2);
        // opened in reverse order: the insights put them oldest first
        String second = Feedback.round(
                e.id(),
                partyTrust(),
                "PARTICIPANTS",
                Map.of("opensAt", start.plusMonths(1).toString()));
        String first = Feedback.round(e.id(), partyTrust(), "PARTICIPANTS", Map.of("opensAt", start.toString()));
        Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PARTICIPANTS", Map.of());
        Map<UUID, String> firstTokens = Feedback.tokens(first);
        Map<UUID, String> secondTokens = Feedback.tokens(second);
        for (UUID participant : e.participants(0)) {
            rate(first, firstTokens, participant, Map.of(b, 2)).statusCode(201);
            rate(second, secondTokens, participant, Map.of(b, 4)).statusCode(201);
        }
        for (UUID participant : e.participants(1)) {
            rate(first, firstTokens, participant, Map.of(a, 3)).statusCode(201);
        }
        // in the second round only two of B answer: that cell stays hidden
        for (UUID participant : e.participants(1).subList(0, 2)) {
            rate(second, secondTokens, participant, Map.of(a, 5)).statusCode(201);
        }
        JsonPath insights = facilitator()
                .get("/api/v1/engagements/{id}/trust-matrix", e.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(insights.getList("rounds.roundId", String.class)).containsExactly(first, second);
        String ab = "pairs.find { it.fromPartyId == '" + a + "' && it.toPartyId == '" + b + "' }";
        assertThat(insights.getList(ab + ".series.mean", Double.class)).containsExactly(25.0, 75.0);
        assertThat(insights.getList(ab + ".series.answers", Integer.class)).containsExactly(5, 5);
        assertThat(insights.getString(ab + ".trend.direction")).isEqualTo("RISING");
        assertThat(insights.getDouble(ab + ".trend.slopePerRound")).isEqualTo(50.0);
        String ba = "pairs.find { it.fromPartyId == '" + b + "' && it.toPartyId == '" + a + "' }";
        assertThat(insights.getList(ba + ".series.mean", Double.class)).containsExactly(50.0, null);
        assertThat(insights.getList(ba + ".series.answers", Integer.class)).containsExactly(5, null);
        assertThat(insights.getList(ba + ".series.suppressed", Boolean.class)).containsExactly(false, true);
        assertThat(insights.getString(ba + ".trend.direction")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(insights.getList("pairs")).hasSize(2);
    }

    /** The built-in questionnaire party-trust. */
    private static String partyTrust() {
        return facilitator()
                .get("/api/v1/questionnaires?purpose=PULSE&pageSize=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.builtIn == 'party-trust' }.id");
    }

    private static Map<String, Object> partyTrustQuestion(String key, String dimension) {
        return Map.of(
                "key",
                key,
                "text",
                "Vertrouwen in " + key,
                "type",
                "PARTY_TRUST",
                "min",
                1,
                "max",
                5,
                "required",
                true,
                "dimension",
                dimension);
    }

    private static io.restassured.response.ValidatableResponse rate(
            String round, Map<UUID, String> tokens, UUID participant, Map<UUID, ?> ratings) {
        Map<String, Object> byId = new HashMap<>();
        ratings.forEach((party, value) -> byId.put(party.toString(), value));
        return respond(round, Feedback.token(tokens, participant), Map.of(KEY, byId));
    }

    private static JsonPath matrix(String round) {
        return facilitator()
                .get("/api/v1/feedback-rounds/{id}/trust-matrix", round)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> cell(JsonPath matrix, UUID from, UUID to) {
        return matrix.getMap("cells.find { it.fromPartyId == '" + from + "' && it.toPartyId == '" + to + "' }");
    }

    private static Map<String, Object> shown(UUID from, UUID to, int answers, double mean) {
        return cellOf(from, to, answers, mean, false);
    }

    private static Map<String, Object> hidden(UUID from, UUID to) {
        return cellOf(from, to, null, null, true);
    }

    private static Map<String, Object> cellOf(
            UUID from,
            UUID to,
            @org.jspecify.annotations.Nullable Integer answers,
            @org.jspecify.annotations.Nullable Double mean,
            boolean suppressed) {
        Map<String, Object> c = new HashMap<>();
        c.put("fromPartyId", from.toString());
        c.put("toPartyId", to.toString());
        c.put("answers", answers);
        c.put("mean", mean);
        c.put("suppressed", suppressed);
        return c;
    }
}
