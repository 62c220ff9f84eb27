package org.dialoog.engagement.rest;

import static io.restassured.RestAssured.given;
import static org.dialoog.engagement.Api.admin;
import static org.dialoog.engagement.Api.engagement;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared API conventions of product.md, through HTTP. */
@QuarkusTest
@WithTestResource(value = DialoogTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class ApiConventionsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void unknownPathIsA404ProblemWithApiVersion() {
        admin().get("/api/v1/nope").then()
                .statusCode(404).contentType(PROBLEM)
                .header("API-Version", "1.0.0")
                .body("status", equalTo(404)).body("title", notNullValue()).body("detail", notNullValue());
        given().get("/nothing/here").then().statusCode(404).contentType(PROBLEM).header("API-Version", "1.0.0");
    }

    @Test
    void trailingSlashIsNotFound() {
        admin().get("/api/v1/engagements/").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("trailing slash"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        admin().body("{\"title\": ").post("/api/v1/engagements").then()
                .statusCode(400).contentType(PROBLEM).header("API-Version", "1.0.0")
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void unknownFieldIsRejectedByName() {
        Map<String, Object> body = new HashMap<>(engagement("Unknown field"));
        body.put("colour", "blue");
        admin().body(body).post("/api/v1/engagements").then()
                .statusCode(400).contentType(PROBLEM).body("invalidParams[0].name", equalTo("colour"));
    }

    @Test
    void wrongEnumValueNamesTheField() {
        Map<String, Object> body = new HashMap<>(engagement("Wrong kind"));
        body.put("kind", "PICNIC");
        admin().body(body).post("/api/v1/engagements").then()
                .statusCode(400).contentType(PROBLEM).body("invalidParams[0].name", equalTo("kind"));
    }

    @Test
    void invalidInputListsEveryBadFieldAtOnce() {
        Map<String, Object> body = Map.of("title", " ", "objectives", List.of(), "caseReference", "not a url");
        admin().body(body).post("/api/v1/engagements").then()
                .statusCode(400).contentType(PROBLEM)
                .body("invalidParams.name", containsInAnyOrder("title", "kind", "clientOrganisation", "objectives", "caseReference"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        admin().contentType(ContentType.XML).body("<engagement/>").post("/api/v1/engagements").then()
                .statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void unsupportedAcceptIs406Problem() {
        admin().accept("application/xml").get("/api/v1/engagements").then()
                .statusCode(406).contentType(PROBLEM).body("status", equalTo(406));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        admin().get("/api/v1/engagements").then().statusCode(200)
                .header("API-Version", "1.0.0")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void openApiIsPublicWithCorsForEveryone() {
        given().get("/api/v1/openapi.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("API-Version", "1.0.0")
                .body("openapi", startsWith("3."))
                .body("servers[0].url", equalTo("/api/v1"))
                .body("paths", notNullValue());
        given().get("/q/openapi").then().statusCode(200).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("dialoog_outbox_backlog"));
    }

    @Test
    void collectionsArePagedWithLinkHeader() {
        String marker = "Paging " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Api.createEngagement(marker + " " + i);
        }
        admin().queryParam("q", marker).queryParam("pageSize", 2).get("/api/v1/engagements").then()
                .statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(1)).body("pageSize", equalTo(2)).body("total", equalTo(3))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("page=2"));
        admin().queryParam("q", marker).queryParam("pageSize", 2).queryParam("page", 5).get("/api/v1/engagements").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(3))
                .header("Link", not(containsString("rel=\"next\"")));
        admin().queryParam("pageSize", 1000).get("/api/v1/engagements").then()
                .statusCode(400).contentType(PROBLEM).body("invalidParams[0].name", equalTo("pageSize"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        UUID id = Api.createEngagement("Concurrency");
        String etag = admin().get("/api/v1/engagements/" + id).then().statusCode(200).extract().header("ETag");
        admin().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "First edit")).patch("/api/v1/engagements/" + id)
                .then().statusCode(200).body("title", equalTo("First edit")).header("ETag", not(equalTo(etag)));
        admin().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Lost update")).patch("/api/v1/engagements/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        admin().get("/api/v1/engagements/" + id).then().body("title", equalTo("First edit"));
    }

    @Test
    void sameIdempotencyKeyCreatesOnce() {
        String key = UUID.randomUUID().toString();
        String marker = "Idempotent " + key;
        String first = admin().header("Idempotency-Key", key).body(engagement(marker))
                .post("/api/v1/engagements").then().statusCode(201).extract().path("id");
        admin().header("Idempotency-Key", key).body(engagement(marker))
                .post("/api/v1/engagements").then().statusCode(201)
                .header("Location", containsString(first)).body("id", equalTo(first));
        admin().header("Idempotency-Key", key).body(engagement(marker + " changed"))
                .post("/api/v1/engagements").then().statusCode(422).contentType(PROBLEM);
        admin().queryParam("q", marker).get("/api/v1/engagements").then().body("total", equalTo(1));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        admin().body(big).post("/api/v1/engagements").then().statusCode(413).contentType(PROBLEM)
                .body("title", org.hamcrest.Matchers.equalTo("Content Too Large"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 1048576"));
    }
}
