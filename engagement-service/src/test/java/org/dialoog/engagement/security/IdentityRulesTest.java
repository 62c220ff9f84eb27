package org.dialoog.engagement.security;

import static io.restassured.RestAssured.given;
import static org.dialoog.engagement.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.specification.RequestSpecification;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A token must name its user and its tenant, and each of a caller's roles counts only on the
 * engagements that name the caller in it.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class IdentityRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    private static final String COLLECTION = "/api/v1/engagements";
    private static final String MIXED = "mixed-mia";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aTokenWithoutSubIsA401ProblemAndCreatesNothing() {
        String marker = "No sub " + UUID.randomUUID();
        withToken(DevTokens.mintWithout("sub", "admin-without-sub", List.of("admin"), Api.TENANT))
                .body(Api.engagement(marker))
                .post(COLLECTION)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", INVALID_TOKEN)
                .body("status", equalTo(401))
                .body("detail", containsString("'sub' claim is missing"))
                .body("instance", equalTo(COLLECTION));

        admin().queryParam("q", marker).get(COLLECTION).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aTokenWithoutOrgIsA401ProblemNotA500() {
        String marker = "No org " + UUID.randomUUID();
        String noOrg = DevTokens.mintWithout("org", Api.FACILITATOR_ID, List.of("facilitator"), Api.TENANT);
        withToken(noOrg)
                .body(Api.engagement(marker))
                .post(COLLECTION)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", INVALID_TOKEN)
                .body("detail", containsString("'org' claim is missing"));
        withToken(noOrg).get(COLLECTION).then().statusCode(401).contentType(PROBLEM);
        withToken(DevTokens.mint(Api.FACILITATOR_ID, List.of("facilitator"), " "))
                .get(COLLECTION)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", INVALID_TOKEN);

        admin().queryParam("q", marker).get(COLLECTION).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void callersWithoutSubShareNoIdentityAndSeeNothing() {
        // Before the rule every token without sub was the user "system", so all such callers shared one identity.
        Map<String, Object> body = new HashMap<>(Api.engagement("Listed as system " + UUID.randomUUID()));
        body.put("facilitators", List.of("system"));
        String id = admin().body(body)
                .post(COLLECTION)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        for (String name : List.of("fac-one-without-sub", "fac-two-without-sub")) {
            String token = DevTokens.mintWithout("sub", name, List.of("facilitator"), Api.TENANT);
            withToken(token)
                    .get(COLLECTION + "/" + id)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", INVALID_TOKEN);
            withToken(token).get(COLLECTION).then().statusCode(401);
        }
    }

    @Test
    void aFacilitatorThatIsOnlyAnEngagementsClientContactReadsItButCannotChangeIt() {
        String title = "Contact only " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Api.engagement(title));
        body.put("clientContacts", List.of(MIXED));
        String id = admin().body(body)
                .post(COLLECTION)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        mixed().get(COLLECTION + "/" + id).then().statusCode(200).body("title", equalTo(title));
        mixed().get(COLLECTION + "/" + id + "/parties").then().statusCode(200);
        mixed().contentType("application/merge-patch+json")
                .body(Map.of("title", "Taken over"))
                .patch(COLLECTION + "/" + id)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        mixed().body(Map.of("name", "Added by a contact", "type", "OTHER"))
                .post(COLLECTION + "/" + id + "/parties")
                .then()
                .statusCode(403);
        mixed().body(Map.of("phase", "DIALOGUE"))
                .post(COLLECTION + "/" + id + "/phase")
                .then()
                .statusCode(403);
        mixed().delete(COLLECTION + "/" + id).then().statusCode(403);

        admin().get(COLLECTION + "/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo(title))
                .body("phase", equalTo("EXPLORATION"));
        admin().get(COLLECTION + "/" + id + "/parties").then().statusCode(200).body("$", empty());
    }

    @Test
    void aFacilitatorAndClientChangesWhatItFacilitatesAndDoesNotSeeWhatNamesItInNoRole() {
        Map<String, Object> facilitated = new HashMap<>(Api.engagement("Facilitated by mia " + UUID.randomUUID()));
        facilitated.put("facilitators", List.of(MIXED));
        String own = admin().body(facilitated)
                .post(COLLECTION)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = admin().body(Api.engagement("Not mia's " + UUID.randomUUID()))
                .post(COLLECTION)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        mixed().contentType("application/merge-patch+json")
                .body(Map.of("title", "Renamed by its facilitator"))
                .patch(COLLECTION + "/" + own)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed by its facilitator"));
        mixed().get(COLLECTION + "/" + other).then().statusCode(404);
        mixed().contentType("application/merge-patch+json")
                .body(Map.of("title", "Taken over"))
                .patch(COLLECTION + "/" + other)
                .then()
                .statusCode(404);
    }

    @Test
    void anIntegrationThatAlsoFacilitatesSeesNamesOnlyWhereItFacilitates() {
        String muni = "muni-fac-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Api.engagement("Facilitated by a municipal system " + muni));
        body.put("facilitators", List.of(muni));
        String own = admin().body(body)
                .post(COLLECTION)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = admin().body(Api.engagement("Read only by " + muni))
                .post(COLLECTION)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        addParticipant(own);
        addParticipant(other);
        String both = DevTokens.mint(muni, List.of("integration", "facilitator"), Api.TENANT);

        withToken(both)
                .get(COLLECTION + "/" + own + "/participants")
                .then()
                .statusCode(200)
                .body("items[0].displayName", equalTo("Jan Jansen"))
                .body("items[0].email", equalTo("jan@example.nl"));
        withToken(both)
                .get(COLLECTION + "/" + other + "/participants")
                .then()
                .statusCode(200)
                .body("items[0].displayName", nullValue())
                .body("items[0].email", nullValue());
    }

    /** Adds a party with one named participant to the engagement. */
    private static void addParticipant(String engagementId) {
        String party = admin().body(Map.of("name", "Bewoners", "type", "OTHER"))
                .post(COLLECTION + "/" + engagementId + "/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin().body(Map.of("partyId", party, "displayName", "Jan Jansen", "email", "jan@example.nl", "role", "MEMBER"))
                .post(COLLECTION + "/" + engagementId + "/participants")
                .then()
                .statusCode(201);
    }

    /** A caller holding both the facilitator and the client role. */
    private static RequestSpecification mixed() {
        return withToken(DevTokens.mint(MIXED, List.of("facilitator", "client"), Api.TENANT));
    }

    private static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
