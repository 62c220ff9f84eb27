package org.dialoog.engagement.rest;

import static org.dialoog.engagement.Api.facilitator;
import static org.dialoog.engagement.rest.EngagementLifecycleTest.addParticipant;
import static org.dialoog.engagement.rest.EngagementLifecycleTest.addParty;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code updatedSince} on the lists a dashboard polls (#18): exactly what changed or was added after the largest
 * {@code updatedAt} the client saw, combined with the other filters, and a 400 naming the parameter for a bad value.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class UpdatedSinceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String ENGAGEMENTS = "/api/v1/engagements";

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void engagementsUpdatedSinceAreExactlyTheChangedAndTheNewOnes() {
        String marker = "Dashboard " + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Api.createEngagement(marker + " " + i));
        }
        String noted = largestUpdatedAt(facilitator()
                .queryParam("q", marker)
                .get(ENGAGEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .extract()
                .path("items.updatedAt"));

        for (UUID changed : List.of(ids.get(1), ids.get(3))) {
            facilitator()
                    .contentType(MERGE_PATCH)
                    .body(Map.of("title", marker + " changed"))
                    .patch(ENGAGEMENTS + "/" + changed)
                    .then()
                    .statusCode(200);
        }
        UUID added = Api.createEngagement(marker + " new");

        facilitator()
                .queryParam("q", marker)
                .queryParam("updatedSince", noted)
                .get(ENGAGEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body(
                        "items.id",
                        containsInAnyOrder(ids.get(1).toString(), ids.get(3).toString(), added.toString()));
        // combined with another filter, and with the caller's own rules: still only what changed
        facilitator()
                .queryParam("q", marker + " changed")
                .queryParam("updatedSince", noted)
                .get(ENGAGEMENTS)
                .then()
                .statusCode(200)
                .body(
                        "items.id",
                        containsInAnyOrder(ids.get(1).toString(), ids.get(3).toString()));
        // strictly after: the largest updatedAt seen is not itself returned again
        String latest = largestUpdatedAt(facilitator()
                .queryParam("q", marker)
                .queryParam("updatedSince", noted)
                .get(ENGAGEMENTS)
                .then()
                .extract()
                .path("items.updatedAt"));
        facilitator()
                .queryParam("q", marker)
                .queryParam("updatedSince", latest)
                .get(ENGAGEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void participantsUpdatedSinceAreExactlyThePatchedAndTheNewOnes() {
        UUID id = Api.createEngagement("Participants since");
        String base = ENGAGEMENTS + "/" + id + "/participants";
        String residents = addParty(id, "Bewoners");
        String shops = addParty(id, "Winkeliers");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(addParticipant(id, i % 2 == 0 ? residents : shops, "Persoon " + i, "p" + i + "@example.nl"));
        }
        String noted = largestUpdatedAt(
                facilitator().get(base).then().statusCode(200).extract().path("items.updatedAt"));

        facilitator()
                .contentType(MERGE_PATCH)
                .body(Map.of("displayName", "Persoon 0 (verhuisd)"))
                .patch(base + "/" + people.get(0))
                .then()
                .statusCode(200);
        facilitator()
                .contentType(MERGE_PATCH)
                .body(Map.of("partyId", residents))
                .patch(base + "/" + people.get(1))
                .then()
                .statusCode(200);
        String added = addParticipant(id, shops, "Nieuw", "nieuw@example.nl");

        facilitator()
                .queryParam("updatedSince", noted)
                .get(base)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(people.get(0), people.get(1), added));
        facilitator()
                .queryParam("updatedSince", noted)
                .queryParam("partyId", residents)
                .get(base)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(people.get(0), people.get(1)));
    }

    @Test
    void agreementsUpdatedSinceAreExactlyTheAnsweredAndTheNewOnes() {
        UUID id = Api.createEngagement("Agreements since");
        String base = ENGAGEMENTS + "/" + id + "/agreements";
        String residents = addParty(id, "Bewoners");
        String town = addParty(id, "Gemeente");
        List<String> agreements = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            agreements.add(propose(base, "Afspraak " + i, residents, town));
        }
        String noted = largestUpdatedAt(
                facilitator().get(base).then().statusCode(200).extract().path("items.updatedAt"));

        facilitator()
                .body(Map.of("decision", "CONSENT"))
                .put(base + "/" + agreements.get(0) + "/answers/" + residents)
                .then()
                .statusCode(200);
        facilitator()
                .body(Map.of("decision", "OBJECTION", "reason", "Te vroeg"))
                .put(base + "/" + agreements.get(2) + "/answers/" + town)
                .then()
                .statusCode(200)
                .body("state", equalTo("OBJECTED"));
        String added = propose(base, "Afspraak nieuw", residents, town);

        facilitator()
                .queryParam("updatedSince", noted)
                .get(base)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(agreements.get(0), agreements.get(2), added));
        facilitator()
                .queryParam("updatedSince", noted)
                .queryParam("state", "PENDING")
                .get(base)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(agreements.get(0), added));
    }

    @Test
    void aBadUpdatedSinceIsA400NamingTheParameter() {
        UUID id = Api.createEngagement("Bad since");
        for (String path : List.of(
                ENGAGEMENTS, ENGAGEMENTS + "/" + id + "/participants", ENGAGEMENTS + "/" + id + "/agreements")) {
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

    private static String propose(String base, String title, String... parties) {
        return facilitator()
                .body(Map.of("title", title, "text", "De gemeente maait het gras.", "partyIds", List.of(parties)))
                .post(base)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The largest updatedAt of a page, as the client saw it: what it passes as updatedSince. */
    private static String largestUpdatedAt(List<String> updatedAts) {
        return updatedAts.stream()
                .max(Comparator.comparing(OffsetDateTime::parse))
                .orElseThrow();
    }
}
