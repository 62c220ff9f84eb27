package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.dialoog.session.Api;
import org.dialoog.session.CalendarWitness;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The iCalendar output, parsed back by ical4j as a calendar app would read it. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class CalendarTest {

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
    void aSessionIsOneEventInItsOwnTimeZoneWithAStableUidAndARisingSequence() throws Exception {
        Api.Engagement e = Api.activeEngagement(events);
        // 19:30 in Amsterdam on a winter evening, sent in UTC: the calendar must say 19:30 Europe/Amsterdam
        OffsetDateTime start = OffsetDateTime.parse("2031-01-15T18:30:00Z");
        String id = Api.scheduleWith(e.id(), start, Map.of("title", "Bewonersavond", "timeZone", "Europe/Amsterdam"));

        VEvent first = onlyEvent(calendar("/api/v1/sessions/" + id + "/calendar"));
        assertThat(value(first, Property.UID)).isEqualTo(id + "@dialoog");
        assertThat(value(first, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(first, Property.SUMMARY)).isEqualTo("Bewonersavond");
        assertThat(first.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Amsterdam");
        assertThat(ZonedDateTime.from(first.getDateTimeStart().getDate()))
                .isEqualTo(ZonedDateTime.of(2031, 1, 15, 19, 30, 0, 0, ZoneId.of("Europe/Amsterdam")));

        // a summer reschedule: the same UID, SEQUENCE 1, 19:30 summer time
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("startsAt", "2031-06-18T17:30:00Z", "endsAt", "2031-06-18T19:30:00Z"))
                .patch("/api/v1/sessions/{id}", id)
                .then()
                .statusCode(200);
        VEvent moved = onlyEvent(calendar("/api/v1/sessions/" + id + "/calendar"));
        assertThat(value(moved, Property.UID)).isEqualTo(id + "@dialoog");
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(ZonedDateTime.from(moved.getDateTimeStart().getDate()).toLocalTime())
                .hasToString("19:30");

        facilitator()
                .body(Map.of("reason", "Zaal niet beschikbaar"))
                .post("/api/v1/sessions/{id}/cancel", id)
                .then()
                .statusCode(200);
        VEvent cancelled = onlyEvent(calendar("/api/v1/sessions/" + id + "/calendar"));
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelled, Property.DESCRIPTION)).contains("Zaal niet beschikbaar");
    }

    @Test
    void anEngagementCalendarHoldsEverySessionAndEachTimeZoneOnce() throws Exception {
        Api.Engagement e = Api.activeEngagement(events);
        String a = Api.scheduleWith(e.id(), Api.nextWeek(), Map.of());
        String b = Api.scheduleWith(e.id(), Api.nextWeek(), Map.of("timeZone", "America/Curacao"));
        String c = Api.scheduleWith(e.id(), Api.nextWeek(), Map.of());
        Calendar calendar = calendar("/api/v1/calendar?engagementId=" + e.id());
        List<String> uids = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(v -> value(v, Property.UID))
                .toList();
        assertThat(uids).containsExactly(a + "@dialoog", b + "@dialoog", c + "@dialoog");
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(2);
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
    }

    @Test
    void anotherFacilitatorGets404ForTheEngagementCalendar() {
        Api.Engagement e = Api.activeEngagement(events);
        Api.as("fac-bram", "facilitator", Api.TENANT)
                .get("/api/v1/calendar?engagementId=" + e.id())
                .then()
                .statusCode(404);
        facilitator().get("/api/v1/calendar").then().statusCode(400);
    }

    private static Calendar calendar(String path) throws Exception {
        String body = facilitator()
                .accept("text/calendar")
                .get(path)
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .extract()
                .asString();
        // RFC 5545's text rules, and ical.js (Thunderbird's parser) agreeing with ical4j on every event
        CalendarWitness.read(body);
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static VEvent onlyEvent(Calendar c) {
        List<VEvent> events = c.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static @Nullable String value(net.fortuna.ical4j.model.PropertyContainer c, String name) {
        Optional<Property> p = c.getProperty(name);
        return p.map(Property::getValue).orElse(null);
    }
}
