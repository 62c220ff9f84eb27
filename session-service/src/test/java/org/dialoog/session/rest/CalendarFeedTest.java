package org.dialoog.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.dialoog.session.Api;
import org.dialoog.session.CalendarWitness;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscribable calendars: created, read without a token by the secret URL, listed, revoked. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class CalendarFeedTest {

    private static final String FEEDS = "/api/v1/calendar-feeds";
    private static final String AMSTERDAM = "Europe/Amsterdam";
    /** Long enough to fold several times, with two-, three- and four-byte characters to split wrongly. */
    private static final String LONG_TITLE =
            "Bewonersavond Ūžupis, Oost; wijk \\ “samen” — 🏘️🌳 ".repeat(3).strip();

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
    void anEngagementFeedHoldsSummerWinterAndNewYorkSessionsEachZoneDefinedOnce() throws Exception {
        Api.Engagement e = Api.activeEngagement(events);
        String winter = schedule(e.id(), "2032-01-14T18:30:00Z", AMSTERDAM, LONG_TITLE);
        String summer = schedule(e.id(), "2032-06-16T17:30:00Z", AMSTERDAM, "Zomeravond");
        String newYork = schedule(e.id(), "2032-06-17T23:30:00Z", "America/New_York", "Werkbezoek New York");

        ExtractableResponse<Response> created = createFeed(e.id(), null);
        String url = created.path("url");
        assertThat(url).matches("https?://[^/]+/api/v1/calendar-feeds/[A-Za-z0-9_-]{43}/calendar\\.ics");
        assertThat(created.<String>path("webcalUrl")).isEqualTo("webcal" + url.substring(url.indexOf("://")));

        ExtractableResponse<Response> answer = given().get(url)
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .header("ETag", startsWith("W/\""))
                .extract();
        // the feed's caching replaces the API's no-store, it does not sit next to it
        assertThat(answer.headers().getValues("Cache-Control")).containsExactly("private, max-age=300");
        String ics = answer.asString();
        var read = CalendarWitness.read(ics);
        CalendarWitness.event(read, winter)
                .resolvesTo(Instant.parse("2032-01-14T18:30:00Z"), Instant.parse("2032-01-14T20:30:00Z"));
        CalendarWitness.event(read, summer)
                .resolvesTo(Instant.parse("2032-06-16T17:30:00Z"), Instant.parse("2032-06-16T19:30:00Z"));
        CalendarWitness.event(read, newYork)
                .resolvesTo(Instant.parse("2032-06-17T23:30:00Z"), Instant.parse("2032-06-18T01:30:00Z"));
        assertThat(CalendarWitness.event(read, winter).summary()).isEqualTo(LONG_TITLE);
        List<String> lines = CalendarWitness.contentLines(ics);
        assertThat(lines.stream().filter(l -> l.equals("TZID:" + AMSTERDAM))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.equals("TZID:America/New_York")))
                .hasSize(1);
        assertThat(lines).contains("METHOD:PUBLISH", "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        assertThat(lines).anyMatch(l -> l.startsWith("DESCRIPTION:Een avond\\, met\\; tekens \\\\ en\\nregels"));
    }

    @Test
    void anUnchangedFeedAnswers304UntilASessionChanges() {
        Api.Engagement e = Api.activeEngagement(events);
        String id = schedule(e.id(), "2032-02-11T18:30:00Z", AMSTERDAM, "Stuurgroep");
        String url = createFeed(e.id(), null).path("url");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "private, max-age=300");

        facilitator()
                .body(Map.of("reason", "Zaal niet beschikbaar"))
                .post("/api/v1/sessions/{id}/cancel", id)
                .then()
                .statusCode(200);
        String cancelled = given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .extract()
                .asString();
        assertThat(CalendarWitness.contentLines(cancelled)).contains("STATUS:CANCELLED", "SEQUENCE:1");
    }

    @Test
    void aParticipantsFeedHoldsExactlyTheSessionsTheyAreInvitedToAndHaveNotDeclined() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 2);
        UUID anna = e.allParticipants().get(0);
        UUID bram = e.allParticipants().get(1);
        String accepted = schedule(e.id(), "2032-03-10T18:30:00Z", AMSTERDAM, "Eerste sessie");
        String declined = schedule(e.id(), "2032-03-17T18:30:00Z", AMSTERDAM, "Tweede sessie");
        String notInvited = schedule(e.id(), "2032-03-24T18:30:00Z", AMSTERDAM, "Derde sessie");
        invite(accepted, anna, bram);
        invite(declined, anna, bram);
        invite(notInvited, bram);
        facilitator()
                .body(Map.of("response", "DECLINED"))
                .put("/api/v1/sessions/{s}/invitations/{p}", declined, anna)
                .then()
                .statusCode(200);

        ExtractableResponse<Response> created = createFeed(e.id(), anna);
        assertThat(created.<String>path("participantId")).isEqualTo(anna.toString());
        var read = CalendarWitness.read(given().get(created.<String>path("url"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(read.keySet()).containsExactly(accepted + "@dialoog");

        var bramsFeed =
                CalendarWitness.read(given().get(createFeed(e.id(), bram).<String>path("url"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(bramsFeed.keySet())
                .containsExactly(accepted + "@dialoog", declined + "@dialoog", notInvited + "@dialoog");

        facilitator()
                .body(Map.of(
                        "engagementId",
                        e.id().toString(),
                        "participantId",
                        UUID.randomUUID().toString()))
                .post(FEEDS)
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("participantId"));
    }

    @Test
    void listingShowsNoSecretAndARevokedFeedIsA404LikeAWrongSecret() {
        Api.Engagement e = Api.activeEngagement(events);
        schedule(e.id(), "2032-04-14T17:30:00Z", AMSTERDAM, "Evaluatie");
        ExtractableResponse<Response> created = createFeed(e.id(), null);
        String url = created.path("url");
        String id = created.path("id");
        String secret = url.replaceFirst(".*/calendar-feeds/([^/]+)/calendar\\.ics$", "$1");

        String list = facilitator()
                .get(FEEDS + "?engagementId=" + e.id())
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].createdBy", equalTo(Api.FACILITATOR_ID))
                .body("total", equalTo(1))
                .extract()
                .asString();
        assertThat(list).doesNotContain(secret).doesNotContain("url");
        facilitator().get(FEEDS + "/{id}", id).then().statusCode(200).body("engagementId", equalTo(e.id().toString()));

        String wrong = FEEDS + "/" + "x".repeat(43) + "/calendar.ics";
        var wrongAnswer = given().get(wrong).then().statusCode(404).contentType("application/problem+json");
        facilitator().delete(FEEDS + "/{id}", id).then().statusCode(204);
        var revokedAnswer = given().get(url).then().statusCode(404).contentType("application/problem+json");
        assertThat(revokedAnswer.extract().<String>path("detail"))
                .isEqualTo(wrongAnswer.extract().<String>path("detail"))
                .doesNotContain(secret);
        facilitator().delete(FEEDS + "/{id}", id).then().statusCode(404);
        facilitator().get(FEEDS + "/{id}", id).then().statusCode(404);
    }

    @Test
    void onlyTheEngagementsFacilitatorsAndAdminsManageItsFeedsAndOtherTenantsSeeNone() {
        Api.Engagement e = Api.activeEngagement(events);
        String id = createFeed(e.id(), null).path("id");
        var otherTenant = Api.as("admin-9", "admin", "other");
        otherTenant.get(FEEDS + "/{id}", id).then().statusCode(404);
        Api.as("admin-9", "admin", "other").delete(FEEDS + "/{id}", id).then().statusCode(404);
        Api.as("admin-9", "admin", "other")
                .get(FEEDS + "?engagementId=" + e.id())
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Api.as("fac-bram", "facilitator", Api.TENANT)
                .get(FEEDS + "/{id}", id)
                .then()
                .statusCode(404);
        // refused exactly like an engagement not known here: ids do not leak
        Api.as("fac-bram", "facilitator", Api.TENANT)
                .body(Map.of("engagementId", e.id().toString()))
                .post(FEEDS)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:dialoog:problem:not-yet-known"));
        Api.as("client-1", "client", Api.TENANT)
                .body(Map.of("engagementId", e.id().toString()))
                .post(FEEDS)
                .then()
                .statusCode(403);
        Api.admin().get(FEEDS + "/{id}", id).then().statusCode(200);
        Api.admin().delete(FEEDS + "/{id}", id).then().statusCode(204);
    }

    @Test
    void tooManyFeedRequestsFromOneAddressAre429WithRetryAfter() {
        String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        int status = 0;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = given().header("X-Forwarded-For", address)
                    .get(FEEDS + "/" + UUID.randomUUID() + "/calendar.ics")
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status).isIn(404, 429);
        }
        assertThat(status).isEqualTo(429);
        given().header("X-Forwarded-For", address)
                .get(FEEDS + "/" + UUID.randomUUID() + "/calendar.ics")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"));
    }

    private static String schedule(UUID engagementId, String startsAt, String zone, String title) {
        OffsetDateTime start = OffsetDateTime.parse(startsAt);
        return Api.scheduleWith(
                engagementId,
                start,
                Map.of(
                        "title", title,
                        "timeZone", zone,
                        "description", "Een avond, met; tekens \\ en\nregels"));
    }

    private static ExtractableResponse<Response> createFeed(UUID engagementId, @Nullable UUID participantId) {
        Map<String, Object> body = participantId == null
                ? Map.of("engagementId", engagementId.toString())
                : Map.of("engagementId", engagementId.toString(), "participantId", participantId.toString());
        return facilitator()
                .body(body)
                .post(FEEDS)
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/calendar-feeds/[0-9a-f-]{36}"))
                .extract();
    }

    private static void invite(String sessionId, UUID... participants) {
        facilitator()
                .body(Map.of("participantIds", List.of(participants)))
                .post("/api/v1/sessions/{id}/invitations", sessionId)
                .then()
                .statusCode(200);
    }
}
