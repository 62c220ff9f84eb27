package org.dialoog.engagement.rest;

import static io.restassured.RestAssured.given;
import static org.dialoog.engagement.Api.admin;
import static org.dialoog.engagement.Api.engagement;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.dialoog.testkit.DevTokens;
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

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void unknownPathIsA404ProblemWithApiVersion() {
        admin().get("/api/v1/nope")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .header("API-Version", "1.0.0")
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        admin().get(COLLECTION + "/")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("trailing slash"));
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        admin().body("{\"title\": ")
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("title", equalTo("Malformed request body"));
        Map<String, Object> unknownField = new HashMap<>(engagement("Unknown field"));
        unknownField.put("colour", "blue");
        admin().body(unknownField)
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("colour"));
        admin().contentType(ContentType.XML)
                .body("<engagement/>")
                .post(COLLECTION)
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        admin().accept("application/xml").get(COLLECTION).then().statusCode(406).contentType(PROBLEM);
        admin().queryParam("pageSize", 1000)
                .get(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("pageSize"));
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
    void apiNeedsATokenWhileProbesAndOpenApiDoNot() {
        given().get(COLLECTION)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth()
                .oauth2(DevTokens.tampered("admin-1", List.of("admin"), "demo"))
                .get(COLLECTION)
                .then()
                .statusCode(401);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("dialoog_outbox_backlog"));
        given().get("/api/v1/openapi.json")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("servers[0].url", equalTo("/api/v1"))
                .body("paths", hasKey("/dead-letters"));
        admin().get("/api/v1/dead-letters").then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void collectionsArePagedWithSecurityHeaders() {
        admin().get(COLLECTION)
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("pageSize", equalTo(20))
                .body("items", notNullValue())
                .header("Link", containsString("rel=\"first\""))
                .header("API-Version", "1.0.0")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        admin().body(big)
                .post(COLLECTION)
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("title", equalTo("Content Too Large"))
                .body("detail", containsString("at most 1048576"));
    }
}
