package org.dialoog.feedback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DatabaseFingerprint;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.OpenApiFuzz;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every parameter and body field of every feedback-service operation, made hostile one at a time: no answer is 5xx,
 * and nothing refused leaves a trace in the database (see OpenApiFuzz).
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class FuzzTest {

    private static final Map<String, Object> REMARKS =
            Map.of("key", "remarks", "text", "Opmerkingen", "type", "TEXT", "required", true);
    private static final Map<String, Object> ANSWERS = Map.of("trust", 4, "remarks", "Goed gesprek.");

    private static Feedback feedback;

    @Inject
    DataSource dataSource;

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
    void noOperationAnswers5xxOrWritesOnRefusal() throws Exception {
        Feedback.Engagement e = feedback.engagement(2, 1);
        List<Map<String, Object>> questions = List.of(Feedback.TRUST, REMARKS);
        String questionnaire = Feedback.questionnaire(questions);
        String round = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
        Feedback.respond(round, null, ANSWERS).statusCode(201);
        String contribution = facilitator()
                .get("/api/v1/feedback-rounds/{id}/contributions", round)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        ObjectMapper json = new ObjectMapper();
        var fuzz = new OpenApiFuzz(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port),
                DevTokens.mint(Feedback.FACILITATOR_ID, List.of("admin", "facilitator"), Feedback.TENANT),
                new DatabaseFingerprint(dataSource));

        List<String> failures = fuzz.run(
                "feedback-service",
                Map.of(
                        "questionnaireId", questionnaire,
                        "roundId", round,
                        "contributionId", contribution,
                        "engagementId", e.id().toString()),
                Map.of(
                        "POST /questionnaires",
                        json.writeValueAsString(Map.of("title", "Peiling", "purpose", "PULSE", "questions", questions)),
                        "POST /feedback-rounds",
                        json.writeValueAsString(Map.of(
                                "engagementId",
                                e.id().toString(),
                                "questionnaireId",
                                questionnaire,
                                "audience",
                                "PUBLIC")),
                        "POST /feedback-rounds/{roundId}/responses",
                        json.writeValueAsString(Map.of("answers", ANSWERS))),
                // a moderated contribution stays decided; a closed round takes no responses
                List.of(
                        "POST /feedback-rounds/{roundId}/contributions/{contributionId}/moderation",
                        "POST /feedback-rounds/{roundId}/close"));

        assertThat(failures).isEmpty();
    }
}
