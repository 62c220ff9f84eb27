package org.dialoog.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.conventions.testapp.Api.admin;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditional GETs (#18): an authenticated GET answers with an ETag and {@code private, no-cache}; the current ETag
 * in If-None-Match is a 304 without a body; any change gives a new ETag; everything else stays no-store.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class ConditionalGetTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aResourceWithAVersionIsNotModifiedUntilItChanges() {
        UUID id = Api.createNote("Conditional " + UUID.randomUUID());
        String etag = admin().get("/api/v1/notes/{id}", id)
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .extract()
                .header("ETag");
        assertThat(etag).matches("\"\\d+\"");

        admin().header("If-None-Match", etag)
                .get("/api/v1/notes/{id}", id)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "private, no-cache")
                .body(emptyString());
        // weak comparison, a list, and *
        admin().header("If-None-Match", "\"7\", W/" + etag)
                .get("/api/v1/notes/{id}", id)
                .then()
                .statusCode(304);
        admin().header("If-None-Match", "*")
                .get("/api/v1/notes/{id}", id)
                .then()
                .statusCode(304);
        admin().header("If-None-Match", "\"7\"")
                .get("/api/v1/notes/{id}", id)
                .then()
                .statusCode(200);

        admin().contentType("application/merge-patch+json")
                .body(Map.of("body", "changed"))
                .patch("/api/v1/notes/{id}", id)
                .then()
                .statusCode(200);
        String next = admin().header("If-None-Match", etag)
                .get("/api/v1/notes/{id}", id)
                .then()
                .statusCode(200)
                .body("body", equalTo("changed"))
                .extract()
                .header("ETag");
        assertThat(next).matches("\"\\d+\"").isNotEqualTo(etag);
    }

    @Test
    void aListGetsADigestThatChangesWithItsContent() {
        String marker = "Digest " + UUID.randomUUID();
        UUID id = Api.createNote(marker);
        String etag = admin().queryParam("q", marker)
                .get("/api/v1/notes")
                .then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .extract()
                .header("ETag");
        admin().queryParam("q", marker)
                .header("If-None-Match", etag)
                .get("/api/v1/notes")
                .then()
                .statusCode(304)
                .body(emptyString());
        // the same list asked again gives the same digest; a change of one item a new one
        admin().queryParam("q", marker).get("/api/v1/notes").then().header("ETag", etag);
        admin().contentType("application/merge-patch+json")
                .body(Map.of("body", "changed"))
                .patch("/api/v1/notes/{id}", id)
                .then()
                .statusCode(200);
        String changed = admin().queryParam("q", marker)
                .header("If-None-Match", etag)
                .get("/api/v1/notes")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(changed).startsWith("W/\"").isNotEqualTo(etag);
    }

    @Test
    void errorsWritesAndCallsWithoutATokenStayNoStore() {
        admin().get("/api/v1/notes/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("Cache-Control", "no-store");
        admin().body(Map.of("title", "Written " + UUID.randomUUID()))
                .contentType("application/json")
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store");
        given().get("/api/v1/notes").then().statusCode(401).header("Cache-Control", "no-store");
        given().get("/api/v1/nothing-here").then().statusCode(404).header("Cache-Control", "no-store");
    }
}
