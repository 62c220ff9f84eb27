package org.dialoog.engagement.rest;

import static org.dialoog.engagement.Api.admin;
import static org.dialoog.engagement.Api.engagement;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.testkit.ConventionsWiring;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions module is wired into engagement-service: its problems, limits, security, probes,
 * OpenAPI and dead letters answer here (the rules themselves are tested once, in conventions/).
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class ApiConventionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String COLLECTION = "/api/v1/engagements";
    private static final ConventionsWiring WIRING = ConventionsWiring.of(COLLECTION);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void unknownPathsAreProblemsWithApiVersion() {
        WIRING.unknownPathsAreProblemsWithApiVersion();
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        WIRING.badInputIsA400ProblemNeverA500();
    }

    @Test
    void invalidEngagementListsEveryBadFieldAtOnce() {
        Map<String, Object> body = Map.of("title", " ", "objectives", List.of(), "caseReference", "not a url");
        admin().body(body)
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "invalidParams.name",
                        containsInAnyOrder("title", "kind", "clientOrganisation", "objectives", "caseReference"));
        Map<String, Object> wrongKind = new HashMap<>(engagement("Wrong kind"));
        wrongKind.put("kind", "PICNIC");
        admin().body(wrongKind)
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("kind"));
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
