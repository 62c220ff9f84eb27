package org.dialoog.session;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.local.DevTokens;

/** Test helpers: tokens per role and ready-made request bodies. */
public final class Api {

    public static final String TENANT = "demo";
    public static final String FACILITATOR_ID = "fac-anna";

    private Api() {
    }

    public static RequestSpecification as(String sub, String role, String org) {
        return given().auth().oauth2(DevTokens.mint(sub, List.of(role), org)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin-1", "admin", TENANT);
    }

    public static RequestSpecification facilitator() {
        return as(FACILITATOR_ID, "facilitator", TENANT);
    }

    public static Map<String, Object> session(UUID engagementId, OffsetDateTime startsAt) {
        return Map.of(
                "engagementId", engagementId.toString(),
                "type", "DIALOGUE_SESSION",
                "title", "Dialoogsessie",
                "startsAt", startsAt.toString(),
                "endsAt", startsAt.plusHours(2).toString(),
                "location", Map.of("mode", "ON_SITE", "address", "Stadhuisplein 1"),
                "agenda", List.of(Map.of("title", "Check-in", "minutes", 15), Map.of("title", "Dialogue", "minutes", 90)));
    }

    public static OffsetDateTime nextWeek() {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
    }
}
