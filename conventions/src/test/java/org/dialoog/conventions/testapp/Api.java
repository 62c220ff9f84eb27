package org.dialoog.conventions.testapp;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.testkit.DevTokens;

/** Test helpers: callers with development tokens, and notes. */
public final class Api {

    public static final String TENANT = "demo";

    private Api() {}

    public static RequestSpecification as(String sub, String role, String org) {
        return given().auth().oauth2(DevTokens.mint(sub, List.of(role), org)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin-1", "admin", TENANT);
    }

    public static UUID createNote(String title) {
        String id = admin().body(java.util.Map.of("title", title))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
