package org.dialoog.session.rest;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.testkit.ConventionsWiring;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/**
 * The conventions module is wired into session-service: its problems, limits, security, probes, OpenAPI
 * and dead letters answer here (the rules themselves are tested once, in conventions/).
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class ApiConventionsTest {

    private static final String COLLECTION = "/api/v1/sessions";
    private static final ConventionsWiring WIRING = ConventionsWiring.of(COLLECTION);

    private static RequestSpecification admin() {
        return given().auth()
                .oauth2(DevTokens.mint("admin-1", List.of("admin"), "demo"))
                .contentType(ContentType.JSON);
    }

    @Test
    void unknownPathsAreProblemsWithApiVersion() {
        WIRING.unknownPathsAreProblemsWithApiVersion();
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        WIRING.badInputIsA400ProblemNeverA500();
        admin().body(Map.of("engagementId", "not-a-uuid"))
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void apiNeedsATokenWhileProbesMetricsAndOpenApiDoNot() {
        WIRING.apiNeedsATokenWhileProbesMetricsAndOpenApiDoNot();
    }

    @Test
    void collectionsArePagedWithSecurityHeaders() {
        WIRING.collectionsArePagedWithSecurityHeaders();
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        WIRING.aBodyOverTheLimitIsA413Problem();
    }

    @Test
    void everyPublicPathStatesTheRateLimitsTheServiceRunsWith() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("paths");
        for (String path : List.of(
                "/personal-invitations/{code}",
                "/personal-polls/{code}/votes",
                "/personal-registrations/{code}",
                "/sessions/{sessionId}/registrations")) {
            String method = path.endsWith("votes") ? "put" : path.endsWith("registrations") ? "post" : "get";
            var operation = doc.path(path).path(method);
            // the test profile's target budget (application.properties), not a constant of the code
            org.assertj.core.api.Assertions.assertThat(operation
                            .path("x-rate-limit")
                            .path("perClientPerMinute")
                            .asInt())
                    .as("%s %s (paths are relative to the server, /api/v1): %s", method, path, operation)
                    .isEqualTo(120);
            org.assertj.core.api.Assertions.assertThat(operation
                            .path("x-rate-limit")
                            .path("perTargetPerMinute")
                            .asInt())
                    .isEqualTo(300);
            org.assertj.core.api.Assertions.assertThat(operation
                            .path("responses")
                            .path("429")
                            .path("description")
                            .asText())
                    .contains("At most 120 requests per minute from one client address")
                    .contains("300 per minute to one target");
        }
        org.assertj.core.api.Assertions.assertThat(
                        doc.path("/sessions").path("post").has("x-rate-limit"))
                .as("a path that needs a token has no rate limit to state")
                .isFalse();
    }

    @Test
    void everyAnswerIsHeldToTheServedDocument() {
        WIRING.everyAnswerIsHeldToTheServedDocument();
    }
}
