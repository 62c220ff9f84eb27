package org.dialoog.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.local.DevTokens;
import org.dialoog.local.DialoogTestResource;
import org.dialoog.local.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Questionnaires and rounds through HTTP, stored in PostgreSQL and announced on Kafka. */
@QuarkusTest
@WithTestResource(value = DialoogTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class FeedbackRoundTest {

    static final Map<String, Object> TRUST_QUESTION = Map.of("key", "trust", "text", "I trust the other parties.",
            "type", "SCALE", "min", 1, "max", 5, "required", true, "dimension", "TRUST");

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static RequestSpecification facilitator() {
        return given().auth().oauth2(DevTokens.mint("fac-anna", List.of("facilitator"), "demo")).contentType(ContentType.JSON);
    }

    @Test
    void questionRulesAreAllReportedAtOnce() {
        Map<String, Object> badScale = Map.of("key", "trust", "text", "?", "type", "SCALE", "min", 5, "max", 1, "required", true);
        Map<String, Object> badChoice = Map.of("key", "trust", "text", "?", "type", "SINGLE_CHOICE", "options", List.of("a"), "required", false);
        facilitator().body(Map.of("title", "Bad", "purpose", "PULSE", "questions", List.of(badScale, badChoice)))
                .post("/api/v1/questionnaires").then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", containsInAnyOrder("questions[0].max", "questions[1].key", "questions[1].options"));
    }

    @Test
    void openedRoundIsStoredAndAnnounced() throws Exception {
        String questionnaire = facilitator().body(Map.of("title", "Pulse", "purpose", "PULSE", "questions", List.of(TRUST_QUESTION)))
                .post("/api/v1/questionnaires").then().statusCode(201).extract().path("id");
        UUID engagement = UUID.randomUUID();
        String round = facilitator().body(Map.of("engagementId", engagement.toString(), "questionnaireId", questionnaire,
                        "audience", "PARTICIPANTS"))
                .post("/api/v1/feedback-rounds").then().statusCode(201).body("state", equalTo("OPEN")).extract().path("id");

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select engagement_id, tenant from feedback_round where id = ?")) {
            ps.setObject(1, UUID.fromString(round));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isEqualTo(engagement);
                assertThat(rs.getString(2)).isEqualTo("demo");
            }
        }
        ConsumerRecord<String, String> event = TopicReader.first("dialoog.feedback", r -> engagement.toString().equals(r.key()));
        assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("nl.dialoog.feedback.feedback-round-opened.v1");
        assertThat(event.value()).contains(round);
    }
}
