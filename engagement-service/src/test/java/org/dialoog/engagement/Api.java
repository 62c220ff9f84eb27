package org.dialoog.engagement;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.testkit.DevTokens;

/** Test helpers: tokens for each role and ready-made request bodies. */
public final class Api {

    public static final String TENANT = "demo";
    public static final String OTHER_TENANT = "other";
    public static final String FACILITATOR_ID = "fac-anna";

    private Api() {}

    public static String token(String sub, String role, String org) {
        return DevTokens.mint(sub, List.of(role), org);
    }

    public static RequestSpecification as(String sub, String role, String org) {
        return given().auth().oauth2(token(sub, role, org)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin-1", "admin", TENANT);
    }

    public static RequestSpecification facilitator() {
        return as(FACILITATOR_ID, "facilitator", TENANT);
    }

    public static Map<String, Object> engagement(String title) {
        return Map.of(
                "title",
                title,
                "kind",
                "CITIZEN_PARTICIPATION",
                "clientOrganisation",
                "Gemeente Utrecht",
                "objectives",
                List.of("BUILD_TRUST", "IMPROVE_COMMUNICATION"),
                "facilitators",
                List.of(FACILITATOR_ID));
    }

    /** Creates an engagement as the facilitator and returns its id. */
    public static UUID createEngagement(String title) {
        String id = facilitator()
                .body(engagement(title))
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
