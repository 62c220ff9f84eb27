package org.dialoog.engagement.security;

import static org.dialoog.engagement.Api.as;
import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/**
 * A client contact (often the municipality, one party among several) sees participants without name or e-mail address
 * until the engagement's facilitator grants it (#18, "the client sees too much"); the client cannot grant it to
 * itself, and taking the grant back hides them again.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class ClientPersonalDataTest {

    private static final String CLIENT = "client-marieke";

    @Test
    void aClientContactSeesNamesAndAddressesOnlyWhenGranted() {
        Map<String, Object> body = new HashMap<>(Api.engagement("Client privacy " + UUID.randomUUID()));
        body.put("clientContacts", List.of(CLIENT));
        String id = facilitator()
                .body(body)
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .body("clientContactsSeePersonalData", equalTo(false))
                .extract()
                .path("id");
        String party = facilitator()
                .body(Map.of("name", "Bewoners", "type", "RESIDENTS"))
                .post("/api/v1/engagements/{id}/parties", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String participant = facilitator()
                .body(Map.of(
                        "partyId",
                        party,
                        "displayName",
                        "Fatima El Amrani",
                        "email",
                        "fatima@example.nl",
                        "role",
                        "MEMBER"))
                .post("/api/v1/engagements/{id}/participants", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // not granted: the client sees the participant, without name or e-mail address
        hidden(ClientPersonalDataTest::client, id, participant);
        // the client cannot grant it to itself
        client().contentType("application/merge-patch+json")
                .body(Map.of("clientContactsSeePersonalData", true))
                .patch("/api/v1/engagements/{id}", id)
                .then()
                .statusCode(403);
        hidden(ClientPersonalDataTest::client, id, participant);

        // granted by the facilitator
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("clientContactsSeePersonalData", true))
                .patch("/api/v1/engagements/{id}", id)
                .then()
                .statusCode(200)
                .body("clientContactsSeePersonalData", equalTo(true));
        client().get("/api/v1/engagements/{id}/participants", id)
                .then()
                .statusCode(200)
                .body("items.displayName", contains("Fatima El Amrani"))
                .body("items.email", contains("fatima@example.nl"));
        client().get("/api/v1/engagements/{id}/participants/{p}", id, participant)
                .then()
                .statusCode(200)
                .body("email", equalTo("fatima@example.nl"));
        // the grant is for this engagement's contacts only: an integration still sees none
        hidden(() -> as("case-system", "integration", Api.TENANT), id, participant);

        // taken back: hidden again
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("clientContactsSeePersonalData", false))
                .patch("/api/v1/engagements/{id}", id)
                .then()
                .statusCode(200)
                .body("clientContactsSeePersonalData", equalTo(false));
        hidden(ClientPersonalDataTest::client, id, participant);
    }

    private static RequestSpecification client() {
        return as(CLIENT, "client", Api.TENANT);
    }

    private static void hidden(Supplier<RequestSpecification> who, String engagement, String participant) {
        who.get()
                .get("/api/v1/engagements/{id}/participants", engagement)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items", everyItem(not(hasKey("displayName"))))
                .body("items", everyItem(not(hasKey("email"))));
        who.get()
                .get("/api/v1/engagements/{id}/participants/{p}", engagement, participant)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("displayName")))
                .body("$", not(hasKey("email")))
                .body("partyId", org.hamcrest.Matchers.notNullValue());
    }
}
