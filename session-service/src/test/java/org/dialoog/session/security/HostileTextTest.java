package org.dialoog.session.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.HostileText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL- and script-injection strings in session-service's text fields are stored and returned verbatim and harm nothing. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class HostileTextTest {

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
    void hostileTextInEveryTextFieldComesBackVerbatim() throws Exception {
        Api.Engagement e = Api.activeEngagement(events);
        for (String text : HostileText.SAMPLES) {
            String id = Api.scheduleWith(
                    e.id(),
                    nextWeek(),
                    Map.of(
                            "title",
                            text,
                            "description",
                            text,
                            "openRegistration",
                            true,
                            "agenda",
                            List.of(Map.of("title", text, "minutes", 30)),
                            "location",
                            Map.of("mode", "ON_SITE", "address", text)));
            facilitator()
                    .get("/api/v1/sessions/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(text))
                    .body("description", equalTo(text))
                    .body("agenda[0].title", equalTo(text))
                    .body("location.address", equalTo(text));
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "10.9.9." + (1 + HostileText.SAMPLES.indexOf(text)))
                    .body(Map.of("name", text, "email", "hostile" + HostileText.SAMPLES.indexOf(text) + "@example.nl"))
                    .post("/api/v1/sessions/{id}/registrations", id)
                    .then()
                    .statusCode(201);
            facilitator().get("/api/v1/sessions/{id}/registrations", id).then().body("items[0].name", equalTo(text));
            facilitator()
                    .body(Map.of("reason", text))
                    .post("/api/v1/sessions/{id}/cancel", id)
                    .then()
                    .statusCode(200)
                    .body("cancelReason", equalTo(text));
        }
        assertThat(Api.count("select count(*) from session where engagement_id = ?", e.id()))
                .isEqualTo(HostileText.SAMPLES.size());
        assertThat(Api.count("select count(*) from known_engagement")).isPositive();
    }
}
