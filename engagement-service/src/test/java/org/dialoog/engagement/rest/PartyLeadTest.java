package org.dialoog.engagement.rest;

import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Party leads: what a facilitator granted, and a 403 for the rest (issue #19). */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class PartyLeadTest {

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification lead(String user) {
        return Api.as(user, "party-lead", Api.TENANT);
    }

    private static String post(String path, Map<String, Object> body) {
        return facilitator()
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aLeadDoesWhatWasGrantedForTheirOwnPartyAndGets403ForTheRest() {
        String user = "lead-" + UUID.randomUUID();
        String otherUser = "lead-" + UUID.randomUUID();
        UUID engagement = Api.createEngagement("Trekkers");
        String base = "/api/v1/engagements/" + engagement;
        Map<String, String> parties = new HashMap<>();
        Map<String, String> people = new HashMap<>();
        for (String name : List.of("Bewoners", "Gemeente")) {
            String party = post(base + "/parties", Map.of("name", name, "type", "OTHER"));
            parties.put(name, party);
            people.put(
                    name,
                    post(
                            base + "/participants",
                            Map.of(
                                    "partyId",
                                    party,
                                    "displayName",
                                    "Trekker " + name,
                                    "email",
                                    name.toLowerCase(java.util.Locale.ROOT) + "@example.nl",
                                    "role",
                                    "MEMBER")));
        }
        String agreement = post(
                base + "/agreements",
                Map.of("title", "Het plein", "text", "Groen", "partyIds", List.copyOf(parties.values())));
        String answerBewoners = base + "/agreements/" + agreement + "/answers/" + parties.get("Bewoners");
        String answerGemeente = base + "/agreements/" + agreement + "/answers/" + parties.get("Gemeente");

        // before any grant the engagement does not exist for a party lead
        lead(user).get(base).then().statusCode(404);
        String grant = post(
                base + "/party-leads",
                Map.of("participantId", people.get("Bewoners"), "userId", user, "rights", List.of()));
        facilitator()
                .get(base + "/party-leads/" + grant)
                .then()
                .statusCode(200)
                .body("partyId", equalTo(parties.get("Bewoners")))
                .body("rights.size()", equalTo(0));
        lead(user).get(base).then().statusCode(200);
        lead(user).get(base + "/agreements/" + agreement).then().statusCode(200);
        lead(user).get("/api/v1/engagements").then().statusCode(200).body("total", equalTo(1));
        // no right yet: 403
        lead(user)
                .body(Map.of("decision", "CONSENT"))
                .put(answerBewoners)
                .then()
                .statusCode(403);

        facilitator()
                .body(Map.of("rights", List.of("RECORD_CONSENT")))
                .put(base + "/party-leads/" + grant + "/rights")
                .then()
                .statusCode(200)
                .body("rights", equalTo(List.of("RECORD_CONSENT")));
        lead(user)
                .body(Map.of("decision", "CONSENT_WITH_CONCERN", "reason", "Onderhoud"))
                .put(answerBewoners)
                .then()
                .statusCode(200)
                .body("parties.find { it.partyName == 'Bewoners' }.decision", equalTo("CONSENT_WITH_CONCERN"))
                .body("parties.find { it.partyName == 'Bewoners' }.onBehalf", equalTo(false));
        // not another party's answer, and nothing only a facilitator does
        lead(user)
                .body(Map.of("decision", "OBJECTION", "reason", "x"))
                .put(answerGemeente)
                .then()
                .statusCode(403);
        lead(user)
                .body(Map.of("title", "x", "text", "y", "partyIds", List.of(parties.get("Bewoners"))))
                .post(base + "/agreements")
                .then()
                .statusCode(403);
        lead(user)
                .body(Map.of("participantId", people.get("Gemeente"), "userId", otherUser, "rights", List.of()))
                .post(base + "/party-leads")
                .then()
                .statusCode(403);
        lead(user).get(base + "/participants").then().statusCode(403);

        // the other party's lead cannot touch this party's answer
        post(
                base + "/party-leads",
                Map.of(
                        "participantId",
                        people.get("Gemeente"),
                        "userId",
                        otherUser,
                        "rights",
                        List.of("RECORD_CONSENT")));
        lead(otherUser)
                .body(Map.of("decision", "OBJECTION", "reason", "x"))
                .put(answerBewoners)
                .then()
                .statusCode(403);
        lead(otherUser)
                .body(Map.of("decision", "CONSENT"))
                .put(answerGemeente)
                .then()
                .statusCode(200)
                .body("state", equalTo("CARRIED"));
        facilitator()
                .get(base + "/agreements/" + agreement)
                .then()
                .body("parties.find { it.partyName == 'Bewoners' }.decision", equalTo("CONSENT_WITH_CONCERN"));

        // one grant per account and per participant; a participant of another engagement is no lead here
        facilitator()
                .body(Map.of("participantId", people.get("Gemeente"), "userId", "lead-3", "rights", List.of()))
                .post(base + "/party-leads")
                .then()
                .statusCode(409);
        facilitator()
                .body(Map.of("participantId", UUID.randomUUID(), "userId", "lead-4", "rights", List.of()))
                .post(base + "/party-leads")
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("participantId"));
        facilitator()
                .body(Map.of("participantId", people.get("Bewoners"), "userId", " ", "rights", List.of("FLY")))
                .post(base + "/party-leads")
                .then()
                .statusCode(400);

        // moving to another party ends the grant; revoking ends the other
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("partyId", parties.get("Gemeente")))
                .patch(base + "/participants/" + people.get("Bewoners"))
                .then()
                .statusCode(200);
        lead(user).get(base).then().statusCode(404);
        facilitator().get(base + "/party-leads/" + grant).then().statusCode(404);
        String otherGrant = facilitator()
                .get(base + "/party-leads")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .extract()
                .path("[0].id");
        facilitator().delete(base + "/party-leads/" + otherGrant).then().statusCode(204);
        lead(otherUser).get(base).then().statusCode(404);
        Api.as("fac-other", "facilitator", Api.OTHER_TENANT)
                .get(base + "/party-leads")
                .then()
                .statusCode(404);
    }
}
