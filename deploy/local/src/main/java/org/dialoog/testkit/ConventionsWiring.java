package org.dialoog.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What each service checks of its wiring to the conventions module, through HTTP against one of its
 * own collections: the rules themselves are tested once, in conventions/; these checks prove that a
 * service's configuration and index bring them in (problems, limits, JWT, probes, OpenAPI, dead letters).
 */
public final class ConventionsWiring {

    private static final String PROBLEM = "application/problem+json";

    private final String collection;

    private ConventionsWiring(String collection) {
        this.collection = collection;
    }

    /** Checks against a collection the service serves, e.g. {@code /api/v1/sessions}. */
    public static ConventionsWiring of(String collection) {
        return new ConventionsWiring(collection);
    }

    private static RequestSpecification admin() {
        return given().auth()
                .oauth2(DevTokens.mint("admin-1", List.of("admin"), "demo"))
                .contentType(ContentType.JSON);
    }

    public void unknownPathsAreProblemsWithApiVersion() {
        admin().get("/api/v1/nope")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .header("API-Version", "1.0.0")
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        admin().get(collection + "/")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("trailing slash"));
    }

    /** Malformed JSON, an unknown field, a wrong media type and paging beyond the limit: problems, never a 500. */
    public void badInputIsA400ProblemNeverA500() {
        admin().body("{\"title\": ")
                .post(collection)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("title", equalTo("Malformed request body"));
        admin().body(Map.of("colour", "blue"))
                .post(collection)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams.name", org.hamcrest.Matchers.hasItem("colour"));
        admin().contentType(ContentType.TEXT)
                .body("x")
                .post(collection)
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        admin().accept("application/xml").get(collection).then().statusCode(406).contentType(PROBLEM);
        admin().queryParam("pageSize", 1000)
                .get(collection)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("pageSize"));
    }

    public void apiNeedsATokenWhileProbesMetricsAndOpenApiDoNot() {
        given().get(collection)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth()
                .oauth2(DevTokens.tampered("admin-1", List.of("admin"), "demo"))
                .get(collection)
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
                .header("API-Version", "1.0.0")
                .body("servers[0].url", equalTo("/api/v1"))
                .body("paths", hasKey("/dead-letters"));
        admin().get("/api/v1/dead-letters").then().statusCode(200).body("items", notNullValue());
    }

    public void collectionsArePagedWithSecurityHeaders() {
        admin().get(collection)
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("pageSize", equalTo(20))
                .body("items", notNullValue())
                .header("Link", containsString("rel=\"first\""))
                .header("API-Version", "1.0.0")
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    public void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        admin().body(big)
                .post(collection)
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("title", equalTo("Content Too Large"))
                .body("detail", containsString("at most 1048576"));
    }

    /**
     * Every answer in the service's tests is held to its served document ({@link OpenApiContract}),
     * and the document is strict enough to mean something: an undocumented field or a missing one
     * fails; every operation has one stable operationId; one security scheme; typed bodies only.
     */
    public void everyAnswerIsHeldToTheServedDocument() {
        if (!io.restassured.RestAssured.filters().contains(OpenApiContract.INSTANCE)) {
            throw new AssertionError("OpenApiContract is not installed in front of REST Assured");
        }
        var document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        java.util.Set<String> ids = new java.util.HashSet<>();
        paths.forEach((path, operations) -> {
            if (path.contains("{id}")) {
                throw new AssertionError(path + ": path parameters are named for what they identify");
            }
            operations.forEach((method, operation) -> {
                Object id = operation.get("operationId");
                if (id == null || !ids.add(id.toString())) {
                    throw new AssertionError(method + " " + path + ": missing or repeated operationId " + id);
                }
            });
        });
        Map<String, Object> schemes = document.getMap("components.securitySchemes");
        if (!schemes.keySet().equals(java.util.Set.of("bearer"))) {
            throw new AssertionError("one security scheme, bearer; found " + schemes.keySet());
        }
        Map<String, Map<String, Object>> schemas = document.getMap("components.schemas");
        schemas.forEach((name, schema) -> {
            if (name.startsWith("JsonNode") || !schema.containsKey("examples")) {
                throw new AssertionError("schema " + name + " is untyped or has no example");
            }
        });
        Response page = admin().get(collection).then().statusCode(200).extract().response();
        String origin = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        OpenApiContract.INSTANCE.check(origin, "GET", collection, answer(page.asString()));
        String surplus = page.asString().replaceFirst("\\{", "{\"surplus\":true,");
        String missing = page.asString().replaceFirst("\"total\":\\d+,?", "").replace(",}", "}");
        for (String wrong : List.of(surplus, missing)) {
            try {
                OpenApiContract.INSTANCE.check(origin, "GET", collection, answer(wrong));
            } catch (AssertionError expected) {
                continue;
            }
            throw new AssertionError("the contract let an undocumented answer through: " + wrong);
        }
    }

    private static com.atlassian.oai.validator.model.SimpleResponse answer(String body) {
        return com.atlassian.oai.validator.model.SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withBody(body)
                .build();
    }
}
