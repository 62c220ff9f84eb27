package org.dialoog.session.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.dialoog.session.CalendarFeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The request and response records of {@link CalendarFeedResource}. */
final class CalendarFeedViews {

    /** An example feed; the real one ends every line in CRLF and folds lines longer than 75 octets. */
    static final String EXAMPLE = """
            BEGIN:VCALENDAR
            PRODID:-//Dialoog//Sessions 1.0//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            NAME:Wijkvisie Oost
            X-WR-CALNAME:Wijkvisie Oost
            REFRESH-INTERVAL;VALUE=DURATION:PT1H
            X-PUBLISHED-TTL:PT1H
            BEGIN:VTIMEZONE
            TZID:Europe/Amsterdam
            BEGIN:DAYLIGHT
            TZNAME:CEST
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            DTSTART:19980329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZNAME:CET
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            DTSTART:19981025T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:0b6f7a52-3c1e-4f43-9a57-1d2b0c9e8f10@dialoog
            DTSTAMP:20310101T120000Z
            DTSTART;TZID=Europe/Amsterdam:20310115T193000
            DTEND;TZID=Europe/Amsterdam:20310115T213000
            SUMMARY:Bewonersavond
            SEQUENCE:0
            STATUS:CONFIRMED
            END:VEVENT
            END:VCALENDAR
            """;

    private CalendarFeedViews() {}

    /** Which calendar to publish: an engagement's, or one of its participants'. */
    @Schema(name = "CalendarFeedRequest")
    record CalendarFeedRequest(
            @NotNull @Schema(examples = "3f0c1a9e-5b7d-4c2e-8a61-0d9b2f4e7c13")
            UUID engagementId,

            @Schema(
                    description = "For the sessions this participant is invited to; leave out for all sessions of the "
                            + "engagement",
                    examples = "8d2e4b6a-1c3f-4e5d-9b7a-6f0e2d1c3b4a",
                    nullable = true)
            @Nullable
            UUID participantId) {}

    /** A feed as its managers see it: never its secret. */
    @Schema(name = "CalendarFeed")
    record CalendarFeedView(
            UUID id,
            UUID engagementId,

            @Schema(description = "Set for a participant's feed", nullable = true) @Nullable
            UUID participantId,

            @Schema(description = "User id of whoever created it", examples = "fac-anna")
            String createdBy,

            OffsetDateTime createdAt) {
        static CalendarFeedView of(CalendarFeed f) {
            return new CalendarFeedView(f.id, f.engagementId, f.participantId, f.createdBy, f.createdAt);
        }
    }

    /** A new feed, with its URL: the only time the secret is shown. */
    @Schema(name = "CreatedCalendarFeed")
    record CreatedCalendarFeed(
            UUID id,
            UUID engagementId,

            @Schema(description = "Set for a participant's feed", nullable = true) @Nullable
            UUID participantId,

            String createdBy,
            OffsetDateTime createdAt,

            @Schema(
                    description = "The subscription URL; it holds the secret and is not shown again",
                    examples =
                            "https://dialoog.example/api/v1/calendar-feeds/q3V8v0yJ1kq9Xj3cXQp2b7c8ZrT4mN1aXyZ0pQ7rS2t/calendar.ics")
            String url,

            @Schema(
                    description = "The same URL for calendar apps (webcal:// opens the app's subscribe dialogue)",
                    examples =
                            "webcal://dialoog.example/api/v1/calendar-feeds/q3V8v0yJ1kq9Xj3cXQp2b7c8ZrT4mN1aXyZ0pQ7rS2t/calendar.ics")
            String webcalUrl) {
        static CreatedCalendarFeed of(CalendarFeed f, URI url) {
            String https = url.toString();
            String webcal = "webcal" + https.substring(https.indexOf("://"));
            return new CreatedCalendarFeed(
                    f.id, f.engagementId, f.participantId, f.createdBy, f.createdAt, https, webcal);
        }
    }
}
