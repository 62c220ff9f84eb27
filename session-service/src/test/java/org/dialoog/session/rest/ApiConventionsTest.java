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
    void everyAnswerIsHeldToTheServedDocument() {
        WIRING.everyAnswerIsHeldToTheServedDocument();
    }
}
