package org.dialoog.feedback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.conventions.logging.Redaction;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.HostileText;
import org.dialoog.testkit.LogScan;
import org.dialoog.testkit.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL- and script-injection strings in feedback-service's text fields are stored and returned verbatim
 * and harm nothing; and nothing respondents write ever reaches the service's log, not even when the
 * database refuses a row that carries it.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class HostileTextTest {

    /** Everything personal this class sends; the log must hold none of it. */
    private static final List<String> SENT = new ArrayList<>(HostileText.SAMPLES);

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

    @Test
    void anAnswerTheDatabaseRefusesLeavesItsTextOutOfEveryMessage() {
        Feedback.Engagement e = feedback.engagement(1);
        String questionnaire = facilitator()
                .body(Map.of(
                        "title",
                        "Inbreng",
                        "purpose",
                        "CITIZEN_INPUT",
                        "questions",
                        List.of(Map.of(
                                "key",
                                "remarks",
                                "text",
                                "Wat wilt u ons meegeven?",
                                "type",
                                "TEXT",
                                "required",
                                true))))
                .post("/api/v1/questionnaires")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String round = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
        String email = "buurman-" + UUID.randomUUID() + "@example.nl";
        String answer = "Mijn buurman (" + email + ") wordt niet gehoord " + UUID.randomUUID();
        SENT.addAll(List.of(answer, email));
        Feedback.respond(round, null, Map.of("remarks", answer)).statusCode(201);

        // The same text again as a contribution in a state the table does not know: its check refuses the row.
        Throwable refused = insert("""
                insert into contribution (id, tenant, round_id, question_key, text, status, version)
                values (?1, ?2, ?3, 'remarks', ?4, 'UNKNOWN', 0)""", UUID.randomUUID(), Feedback.TENANT, UUID.fromString(round), answer);

        assertThat(Refusal.messages(refused))
                .contains("contribution_status_check")
                .doesNotContain(answer, email);
    }

    /** Last: the log of everything above (and of the test classes before) holds nothing personal this class sent. */
    @AfterAll
    static void nothingPersonalReachedTheLog() throws IOException {
        LogScan.assertNothingPersonal(SENT, Redaction.EMAIL);
    }

    /** Runs one statement through the service's own persistence (Hibernate, its driver, its loggers); what it threw. */
    private static Throwable insert(String sql, Object... parameters) {
        ManagedContext request = Arc.container().requestContext();
        return Refusal.provoke(
                new Refusal.RequestContext(request::isActive, request::activate, request::terminate),
                () -> Arc.container().instance(Caller.class).get().actForTenant(Feedback.TENANT),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Query insert =
                            Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
                    Refusal.bind(insert::setParameter, parameters);
                    insert.executeUpdate();
                }));
    }
}
