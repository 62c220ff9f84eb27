package org.dialoog.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.dialoog.conventions.testapp.Api.admin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API conventions of product.md, once, through HTTP against the test application's notes. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class ApiConventionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

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
        given().get("/nothing/here").then().statusCode(404).contentType(PROBLEM).header("API-Version", "1.0.0");
    }

    @Test
    void unknownIdIsA404ProblemNamingTheResource() {
        UUID id = UUID.randomUUID();
        admin().get("/api/v1/notes/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString(id.toString()));
    }

    @Test
    void anotherTenantsResourceIsA404() {
        UUID id = Api.createNote("Tenant scoped");
        Api.as("admin-x", "admin", "other")
                .get("/api/v1/notes/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void trailingSlashIsNotFound() {
        admin().get("/api/v1/notes/")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("trailing slash"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        admin().body("{\"title\": ")
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("API-Version", "1.0.0")
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void unknownFieldIsRejectedByName() {
        admin().body(Map.of("title", "Unknown field", "size", 3))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("size"));
    }

    @Test
    void wrongEnumValueNamesTheField() {
        admin().body(Map.of("title", "Wrong colour", "colour", "PURPLE"))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("colour"));
    }

    @Test
    void invalidInputListsEveryBadFieldAtOnce() {
        admin().body(Map.of("title", " ", "body", "x".repeat(5001)))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams.name", containsInAnyOrder("title", "body"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        admin().contentType(ContentType.XML)
                .body("<note/>")
                .post("/api/v1/notes")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("status", equalTo(415));
    }

    @Test
    void unsupportedAcceptIs406Problem() {
        admin().accept("application/xml")
                .get("/api/v1/notes")
                .then()
                .statusCode(406)
                .contentType(PROBLEM)
                .body("status", equalTo(406));
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403Problem() {
        given().get("/api/v1/notes").then().statusCode(401).contentType(PROBLEM);
        Api.as("client-1", "client", Api.TENANT)
                .get("/api/v1/notes")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        admin().get("/api/v1/notes")
                .then()
                .statusCode(200)
                .header("API-Version", "1.0.0")
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void openApiIsPublicWithCorsForEveryone() {
        given().get("/api/v1/openapi.json")
                .then()
                .statusCode(200)
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
            Api.createNote(marker + " " + i);
        }
        admin().queryParam("q", marker)
                .queryParam("pageSize", 2)
                .get("/api/v1/notes")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(1))
                .body("pageSize", equalTo(2))
                .body("total", equalTo(3))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("page=2"))
                .header("Link", containsString("rel=\"last\""));
        admin().queryParam("q", marker)
                .queryParam("pageSize", 2)
                .queryParam("page", 5)
                .get("/api/v1/notes")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(3))
                .header("Link", not(containsString("rel=\"next\"")));
        admin().queryParam("pageSize", 1000)
                .get("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("pageSize"));
    }

    @Test
    void mergePatchChangesOnlyTheNamedFieldsAndNullRemovesOne() {
        String id = admin().body(Map.of("title", "Patch me", "body", "kept"))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().contentType(MERGE_PATCH)
                .body(Map.of("title", "Patched"))
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Patched"))
                .body("body", equalTo("kept"));
        admin().contentType(MERGE_PATCH)
                .body("{\"body\": null}")
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Patched"))
                .body("body", equalTo(null));
        admin().contentType(MERGE_PATCH)
                .body(Map.of("title", ""))
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("title"));
        admin().contentType(MERGE_PATCH)
                .body(Map.of("colour", "PINK"))
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("colour"));
        admin().get("/api/v1/notes/" + id).then().body("title", equalTo("Patched"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        UUID id = Api.createNote("Concurrency");
        String etag = admin().get("/api/v1/notes/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        admin().contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(Map.of("title", "First edit"))
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("First edit"))
                .header("ETag", not(equalTo(etag)));
        admin().contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(Map.of("title", "Lost update"))
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        admin().get("/api/v1/notes/" + id).then().body("title", equalTo("First edit"));
    }

    @Test
    void sameIdempotencyKeyCreatesOnceAndAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String marker = "Idempotent " + key;
        String first = admin().header("Idempotency-Key", key)
                .body(Map.of("title", marker))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().header("Idempotency-Key", key)
                .body(Map.of("title", marker))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .header("Location", containsString(first))
                .body("id", equalTo(first));
        admin().header("Idempotency-Key", key)
                .body(Map.of("title", marker + " changed"))
                .post("/api/v1/notes")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        admin().header("Idempotency-Key", "k".repeat(201))
                .body(Map.of("title", marker))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("Idempotency-Key"));
        admin().queryParam("q", marker).get("/api/v1/notes").then().body("total", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyInAnotherTenantIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key)
                .body(Map.of("title", "Mine"))
                .post("/api/v1/notes")
                .then()
                .statusCode(201);
        Api.as("admin-x", "admin", "other")
                .header("Idempotency-Key", key)
                .body(Map.of("title", "Theirs"))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .body("title", equalTo("Theirs"));
        Api.as("admin-x", "admin", "other")
                .header("Idempotency-Key", key)
                .body(Map.of("title", "Theirs"))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("title", equalTo("Theirs"));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        admin().body(big)
                .post("/api/v1/notes")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("title", equalTo("Content Too Large"))
                .body("detail", containsString("at most 1048576"));
    }

    @Test
    void unexpectedExceptionIsA500ProblemWithoutInternals() {
        admin().get("/api/v1/test-only/failures")
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .header("API-Version", "1.0.0")
                .body("status", equalTo(500))
                .body("detail", containsString("error id"))
                .body(not(containsString("secret")))
                .body(not(containsString("select")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at org.")));
    }
}
