package org.dialoog.feedback.rest;

import static org.dialoog.feedback.Feedback.facilitator;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Questionnaires: rules, the built-ins in Dutch and English, and freezing once a round uses one. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class QuestionnaireTest {

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
    void questionRulesAreAllReportedAtOnce() {
        Map<String, Object> badScale =
                Map.of("key", "trust", "text", "?", "type", "SCALE", "min", 5, "max", 1, "required", true);
        Map<String, Object> badChoice = Map.of(
                "key",
                "trust",
                "text",
                "?",
                "type",
                "SINGLE_CHOICE",
                "options",
                List.of("a"),
                "required",
                false,
                "dimension",
                "TRUST");
        facilitator()
                .body(Map.of("title", "Bad", "purpose", "PULSE", "questions", List.of(badScale, badChoice)))
                .post("/api/v1/questionnaires")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "invalidParams.name",
                        containsInAnyOrder(
                                "questions[0].max",
                                "questions[1].key",
                                "questions[1].options",
                                "questions[1].dimension"));
    }

    @Test
    void theBuiltInsCoverEveryDimensionInDutchAndEnglish() {
        facilitator()
                .get("/api/v1/questionnaires")
                .then()
                .statusCode(200)
                .body("items.builtIn", hasItems("session-evaluation", "trust-pulse"));
        String id = facilitator()
                .get("/api/v1/questionnaires?purpose=SESSION_EVALUATION")
                .then()
                .extract()
                .path("items.find { it.builtIn == 'session-evaluation' }.id");
        facilitator()
                .get("/api/v1/questionnaires/{id}", id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Evaluatie bijeenkomst"))
                .body("language", equalTo("nl"))
                .body("frozen", equalTo(true))
                .body(
                        "questions.dimension",
                        hasItems("TRUST", "COMMUNICATION", "VOICE", "SHARED_SOLUTION", "OWNERSHIP", "CALM"))
                .body(
                        "questions.find { it.key == 'voice' }.text",
                        equalTo("Mijn perspectief kreeg vandaag voldoende ruimte."));
        facilitator()
                .header("Accept-Language", "en-GB,en;q=0.9,nl;q=0.5")
                .get("/api/v1/questionnaires/{id}", id)
                .then()
                .body("title", equalTo("Session evaluation"))
                .body("language", equalTo("en"))
                .body(
                        "questions.find { it.key == 'voice' }.text",
                        equalTo("My perspective was given enough room today."));
        facilitator()
                .header("Accept-Language", "de")
                .get("/api/v1/questionnaires/{id}", id)
                .then()
                .body("title", equalTo("Evaluatie bijeenkomst"))
                .body("language", equalTo("nl"));
    }

    @Test
    void aQuestionnaireUsedByARoundIsFrozenAndAChangeMakesANewVersion() {
        Feedback.Engagement e = feedback.engagement(1);
        String id = Feedback.questionnaire(List.of(Feedback.TRUST));
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "Peiling voorjaar"))
                .patch("/api/v1/questionnaires/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("revision", equalTo(1));
        Feedback.round(e.id(), id, "PARTICIPANTS", Map.of());
        String next = facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "Peiling najaar"))
                .patch("/api/v1/questionnaires/{id}", id)
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/questionnaires/"))
                .body("id", not(equalTo(id)))
                .body("familyId", equalTo(id))
                .body("revision", equalTo(2))
                .body("frozen", equalTo(false))
                .extract()
                .path("id");
        facilitator()
                .get("/api/v1/questionnaires/{id}", id)
                .then()
                .body("title", equalTo("Peiling voorjaar"))
                .body("supersededBy", equalTo(next))
                .body("frozen", equalTo(true));
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "Nog eens"))
                .patch("/api/v1/questionnaires/{id}", id)
                .then()
                .statusCode(409);
        facilitator()
                .body(Map.of("engagementId", e.id(), "questionnaireId", id, "audience", "PARTICIPANTS"))
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("questionnaireId"));
        facilitator()
                .get("/api/v1/questionnaires")
                .then()
                .body("items.id", not(hasItem(id)))
                .body("items.id", hasItem(next));
    }
}
