package org.dialoog.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** The conventions module is wired into session-service: its problems, limits, security, probes, OpenAPI and dead letters answer here (the rules themselves are tested once, in conventions/). */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class ApiConventionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String COLLECTION = "/api/v1/sessions";

    static RequestSpecification admin() {
        return given().auth()
                .oauth2(DevTokens.mint("admin-1", List.of("admin"), "demo"))
                .contentType(ContentType.JSON);
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
        admin().get(COLLECTION + "/").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        admin().body("{\"title\": ")
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("title", equalTo("Malformed request body"));
        admin().body(Map.of("engagementId", "not-a-uuid"))
                .post(COLLECTION)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        admin().contentType(ContentType.TEXT)
                .body("x")
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
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("dialoog_outbox_backlog"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
        given().get("/api/v1/openapi.json")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("servers[0].url", equalTo("/api/v1"))
                .body("paths", org.hamcrest.Matchers.hasKey("/dead-letters"));
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
                .body("title", org.hamcrest.Matchers.equalTo("Content Too Large"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 1048576"));
    }
}
