package org.dialoog.feedback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.HostileText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL- and script-injection strings in feedback-service's text fields are stored and returned verbatim and harm nothing. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class HostileTextTest {

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
    void hostileTextInEveryTextFieldComesBackVerbatim() throws Exception {
        Feedback.Engagement e = feedback.engagement(1);
        for (String text : HostileText.SAMPLES) {
            String questionnaire = facilitator()
                    .body(Map.of(
                            "title",
                            text,
                            "purpose",
                            "CITIZEN_INPUT",
                            "questions",
                            List.of(
                                    Map.of("key", "remarks", "text", text, "type", "TEXT", "required", true),
                                    Map.of(
                                            "key",
                                            "choice",
                                            "text",
                                            text,
                                            "type",
                                            "SINGLE_CHOICE",
                                            "options",
                                            List.of(text, "b"),
                                            "required",
                                            true))))
                    .post("/api/v1/questionnaires")
                    .then()
                    .statusCode(201)
                    .body("title", equalTo(text))
                    .body("questions[0].text", equalTo(text))
                    .body("questions[1].options[0]", equalTo(text))
                    .extract()
                    .path("id");
            String round = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
            Feedback.respond(round, null, Map.of("remarks", text, "choice", text))
                    .statusCode(201);
            String contribution = facilitator()
                    .get("/api/v1/feedback-rounds/{id}/contributions", round)
                    .then()
                    .body("items[0].text", equalTo(text))
                    .extract()
                    .path("items[0].id");
            facilitator()
                    .body(Map.of("decision", "REJECT", "reason", text))
                    .post("/api/v1/feedback-rounds/{r}/contributions/{c}/moderation", round, contribution)
                    .then()
                    .statusCode(200)
                    .body("reason", equalTo(text));
            facilitator()
                    .get("/api/v1/feedback-rounds/{id}/results", round)
                    .then()
                    .statusCode(200)
                    .body("responses", equalTo(1));
        }
        assertThat(Feedback.count("select count(*) from questionnaire where title = ?", HostileText.SAMPLES.get(0)))
                .isEqualTo(1);
        assertThat(Feedback.count("select count(*) from known_engagement")).isPositive();
    }
}
