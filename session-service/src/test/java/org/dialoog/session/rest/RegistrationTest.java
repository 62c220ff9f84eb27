package org.dialoog.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Public registration for citizen evenings: no account, a code to cancel, seats shared with invitations. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class RegistrationTest {

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
    void theFirstRegistrationsAreConfirmedTheNextWaitlistedAndACancellationPromotes() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(
                e.id(), nextWeek(), Map.of("type", "CITIZEN_EVENING", "capacity", 2, "openRegistration", true));
        UUID invitee = e.allParticipants().get(0);
        facilitator()
                .body(Map.of("participantIds", List.of(invitee)))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);
        facilitator()
                .body(Map.of("response", "ACCEPTED"))
                .put("/api/v1/sessions/{id}/invitations/{p}", session, invitee)
                .then()
                .body("status", equalTo("ACCEPTED"));

        String code = register(session, "Fatima el Amrani", "fatima@example.nl")
                .statusCode(201)
                .header("Location", containsString("/registrations/"))
                .body("status", equalTo("CONFIRMED"))
                .body("code", matchesPattern("[A-Za-z0-9_-]{32}"))
                .extract()
                .path("code");
        register(session, "Joost de Vries", "joost@example.nl").statusCode(201).body("status", equalTo("WAITLISTED"));

        anonymous()
                .body(Map.of("code", code))
                .post("/api/v1/sessions/{id}/registrations/cancellation", session)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("code", equalTo(null));
        facilitator()
                .get("/api/v1/sessions/{id}/registrations", session)
                .then()
                .statusCode(200)
                .body("items.find { it.name == 'Joost de Vries' }.status", equalTo("CONFIRMED"))
                .body("items.find { it.name == 'Fatima el Amrani' }.status", equalTo("CANCELLED"));
        assertThat(Api.count("select count(*) from registration where code_hash = ?", code))
                .isZero();
    }

    @Test
    void oneRegistrationPerEmailAddressAndOnlyForOpenSessions() {
        Api.Engagement e = Api.activeEngagement(events);
        String open = Api.scheduleWith(e.id(), nextWeek(), Map.of("openRegistration", true));
        String closed = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        register(open, "An", "an@example.nl").statusCode(201);
        register(open, "An", "AN@example.nl")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already registered"));
        register(closed, "An", "an@example.nl").statusCode(409).body("detail", containsString("not open"));
        register(UUID.randomUUID().toString(), "An", "an@example.nl").statusCode(404);
        anonymous()
                .body(Map.of("name", "", "email", "not-an-address"))
                .post("/api/v1/sessions/{id}/registrations", open)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem(containsString("name")))
                .body("invalidParams.name", hasItem(containsString("email")));
        anonymous()
                .body(Map.of("code", "wrong"))
                .post("/api/v1/sessions/{id}/registrations/cancellation", open)
                .then()
                .statusCode(404);
    }

    @Test
    void namesAndAddressesAreForFacilitatorsOnly() {
        Api.Engagement e = Api.activeEngagement(events);
        String open = Api.scheduleWith(e.id(), nextWeek(), Map.of("openRegistration", true));
        register(open, "Piet", "piet@example.nl").statusCode(201);
        facilitator()
                .get("/api/v1/sessions/{id}/registrations", open)
                .then()
                .statusCode(200)
                .body("items[0].email", equalTo("piet@example.nl"));
        Api.as("int-1", "integration", Api.TENANT)
                .get("/api/v1/sessions/{id}/registrations", open)
                .then()
                .statusCode(403);
        anonymous().get("/api/v1/sessions/{id}/registrations", open).then().statusCode(401);
    }

    @Test
    void tooManyRequestsFromOneAddressAre429WithRetryAfter() {
        Api.Engagement e = Api.activeEngagement(events);
        String open = Api.scheduleWith(e.id(), nextWeek(), Map.of("openRegistration", true));
        int limited = 0;
        String retryAfter = null;
        // 120 per minute per address; a minute boundary during the loop resets the count once
        for (int i = 0; i < 300 && limited == 0; i++) {
            var r = anonymousFrom("192.0.2.7")
                    .body(Map.of("code", "guess-" + i))
                    .post("/api/v1/sessions/{id}/registrations/cancellation", open);
            if (r.statusCode() == 429) {
                limited = i + 1;
                retryAfter = r.header("Retry-After");
                assertThat(r.contentType()).startsWith("application/problem+json");
            } else {
                assertThat(r.statusCode()).isEqualTo(404);
            }
        }
        assertThat(limited).as("the request that was refused").isBetween(2, 242);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
    }

    @Test
    void thirtyNoisyAddressesDoNotLockANewResidentOutOfASession() {
        Api.Engagement e = Api.activeEngagement(events);
        String open = Api.scheduleWith(e.id(), nextWeek(), Map.of("openRegistration", true));
        // The test profile gives a session 300 requests a minute; 30 addresses × 12 guesses spend them
        // (and stay below the hard ceiling of twice the budget).
        int refused = 0;
        for (int round = 0; round < 2 && refused == 0; round++) { // a minute boundary resets the budget once
            for (int address = 0; address < 30; address++) {
                for (int i = 0; i < 12; i++) {
                    int status = anonymousFrom("203.0.113." + (round * 30 + address))
                            .body(Map.of("code", "guess-" + i))
                            .post("/api/v1/sessions/{id}/registrations/cancellation", open)
                            .statusCode();
                    assertThat(status).isIn(404, 429);
                    refused += status == 429 ? 1 : 0;
                }
            }
        }
        assertThat(refused).as("the noise spent the session's budget").isPositive();
        register(open, "Nieuwe Bewoner", "nieuw-" + UUID.randomUUID() + "@example.nl")
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"));
    }

    private static io.restassured.response.ValidatableResponse register(String session, String name, String email) {
        return anonymous()
                .body(Map.of("name", name, "email", email))
                .post("/api/v1/sessions/{id}/registrations", session)
                .then();
    }

    /** A member of the public at a client address no other request uses (the test profile reads X-Forwarded-For). */
    private static RequestSpecification anonymous() {
        return anonymousFrom("10.1." + ThreadLocalRandom.current().nextInt(256) + "."
                + (1 + ThreadLocalRandom.current().nextInt(254)));
    }

    private static RequestSpecification anonymousFrom(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }
}
