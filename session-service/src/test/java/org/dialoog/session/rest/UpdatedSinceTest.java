package org.dialoog.session.rest;

import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code updatedSince} on the session and action lists a dashboard polls (#18): exactly what changed or was added
 * after the largest {@code updatedAt} the client saw, combined with the other filters, and a 400 naming the
 * parameter for a bad value.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class UpdatedSinceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String SESSIONS = "/api/v1/sessions";
    private static final String ACTIONS = "/api/v1/actions";
    private static final String OUTCOME = "/api/v1/sessions/{id}/outcome";
    private static final String ACTION = "/api/v1/sessions/{id}/outcome/actions/{actionId}";

    private static EngagementEventsFixture events;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new EngagementEventsFixture();
    }

    @AfterAll
    static void tearDown() {
        events.close();
    }

    @Test
    void sessionsUpdatedSinceAreExactlyTheRescheduledTheCancelledAndTheNewOne() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Api.scheduleWith(e.id(), nextWeek(), Map.of()));
        }
        String noted = largestUpdatedAt(sessions(e.id(), null));

        OffsetDateTime later = nextWeek();
        facilitator()
                .contentType(MERGE_PATCH)
                .body(Map.of(
                        "startsAt",
                        later.toString(),
                        "endsAt",
                        later.plusHours(2).toString()))
                .patch(SESSIONS + "/{id}", ids.get(0))
                .then()
                .statusCode(200);
        facilitator()
                .body(Map.of("reason", "Te weinig aanmeldingen"))
                .post(SESSIONS + "/{id}/cancel", ids.get(2))
                .then()
                .statusCode(200);
        String added = Api.scheduleWith(e.id(), nextWeek(), Map.of());

        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("updatedSince", noted)
                .get(SESSIONS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(ids.get(0), ids.get(2), added));
        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("status", "CANCELLED")
                .queryParam("updatedSince", noted)
                .get(SESSIONS)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(ids.get(2)));
        // strictly after: passing the largest updatedAt of the last answer finds nothing new
        String latest = largestUpdatedAt(sessions(e.id(), noted));
        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("updatedSince", latest)
                .get(SESSIONS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anAddedAgendaItemAndAChangedTitleMoveASessionsUpdatedAt() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String agenda = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        String titled = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        Api.scheduleWith(e.id(), nextWeek(), Map.of());
        String noted = largestUpdatedAt(sessions(e.id(), null));

        facilitator()
                .body(Map.of("title", "Parkeren bij de markt", "minutes", 10))
                .post(SESSIONS + "/{id}/agenda-items", agenda)
                .then()
                .statusCode(200);
        facilitator()
                .contentType(MERGE_PATCH)
                .body(Map.of("title", "Dialoogsessie (nieuw)"))
                .patch(SESSIONS + "/{id}", titled)
                .then()
                .statusCode(200);

        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("updatedSince", noted)
                .get(SESSIONS)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(agenda, titled));
    }

    @Test
    void actionsUpdatedSinceAreExactlyThePatchedTheReplacedAndTheNewOne() {
        Api.Engagement e = Api.activeEngagement(events, 1, 1);
        UUID residents = e.parties().get(0);
        UUID shops = e.parties().get(1);
        String first = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        String second = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        JsonPath a = recordOutcome(
                first,
                null,
                List.of(action(null, "Fietsenrekken tellen", residents), action(null, "Verslag rondsturen", shops)));
        JsonPath b = recordOutcome(
                second,
                null,
                List.of(action(null, "Begroting vragen", residents), action(null, "Bankjes plaatsen", shops)));
        String noted = largestUpdatedAt(facilitator()
                .queryParam("engagementId", e.id())
                .get(ACTIONS)
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .extract()
                .path("items.updatedAt"));

        String done = a.getString("actions[1].id");
        facilitator()
                .contentType(MERGE_PATCH)
                .body(Map.of("status", "DONE"))
                .patch(ACTION, first, done)
                .then()
                .statusCode(200);
        // a replacement that changes one action, keeps the other as it was, and adds one
        String kept = b.getString("actions[0].id");
        String changed = b.getString("actions[1].id");
        JsonPath replaced = recordOutcome(
                second,
                "\"1\"",
                List.of(
                        action(kept, "Begroting vragen", residents),
                        action(changed, "Bankjes plaatsen (twee)", shops),
                        action(null, "Afval ophalen", residents)));
        String added = replaced.getString("actions[2].id");

        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("updatedSince", noted)
                .get(ACTIONS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(done, changed, added));
        facilitator()
                .queryParam("engagementId", e.id())
                .queryParam("ownerPartyId", shops)
                .queryParam("updatedSince", noted)
                .get(ACTIONS)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(done, changed));
    }

    @Test
    void aBadUpdatedSinceIsA400NamingTheParameter() {
        for (String path : List.of(SESSIONS, ACTIONS)) {
            for (String bad : List.of("yesterday", "2026-03-01T10:00:00", "2026-13-01T10:00:00Z")) {
                facilitator()
                        .queryParam("updatedSince", bad)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .body("invalidParams.name", hasItem("updatedSince"));
            }
        }
    }

    private static List<String> sessions(UUID engagementId, @Nullable String updatedSince) {
        var request = facilitator().queryParam("engagementId", engagementId);
        if (updatedSince != null) {
            request.queryParam("updatedSince", updatedSince);
        }
        return request.get(SESSIONS).then().statusCode(200).extract().path("items.updatedAt");
    }

    private static JsonPath recordOutcome(String session, @Nullable String ifMatch, List<Map<String, Object>> actions) {
        var request = facilitator()
                .body(Map.of(
                        "notes", List.of(), "decisions", List.of(), "openQuestions", List.of(), "actions", actions));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(OUTCOME, session)
                .then()
                .statusCode(ifMatch == null ? 201 : 200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> action(@Nullable String id, String what, UUID owner) {
        Map<String, Object> action = new HashMap<>();
        if (id != null) {
            action.put("id", id);
        }
        action.put("what", what);
        action.put("ownerPartyId", owner.toString());
        action.put("status", "OPEN");
        return action;
    }

    /** The largest updatedAt of a page, as the client saw it: what it passes as updatedSince. */
    private static String largestUpdatedAt(List<String> updatedAts) {
        return updatedAts.stream()
                .max(Comparator.comparing(OffsetDateTime::parse))
                .orElseThrow();
    }
}
