package org.dialoog.session.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dialoog.session.CalendarText;
import org.dialoog.session.CalendarTimeZones;
import org.dialoog.session.ContentLines;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Writes sessions as one RFC 5545 calendar: METHOD:PUBLISH (no organizer, no attendees), one
 * VTIMEZONE per TZID used, written from the JDK's rules for the period the sessions span, one
 * VEVENT per session with a stable UID and exactly one DTSTAMP, TEXT escaped, lines folded at 75
 * octets. Written by hand rather than by ical4j, whose time-zone handling got local times wrong.
 */
final class CalendarWriter {

    private static final String PRODUCT = "-//Dialoog//Sessions 1.0//EN";
    /** How often a subscribed calendar app should look again (RFC 7986, and Outlook's and Apple's own property). */
    private static final Duration REFRESH = Duration.ofHours(1);

    private CalendarWriter() {}

    /** A calendar of {@code sessions}; a {@code name} makes it a subscribable feed with a refresh interval. */
    static String write(List<Session> sessions, @Nullable String name) {
        return write(sessions, name, "PUBLISH");
    }

    /**
     * The same calendar with another iTIP method (RFC 5546): {@code REQUEST} for an invitation or a move
     * (the SEQUENCE tells a calendar app which copy is newer), {@code CANCEL} for a cancelled session.
     */
    static String write(List<Session> sessions, @Nullable String name, String method) {
        List<String> lines = new ArrayList<>(List.of(
                "BEGIN:VCALENDAR", "PRODID:" + PRODUCT, "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:" + method));
        if (name != null) {
            lines.add("NAME:" + CalendarText.escape(name));
            lines.add("X-WR-CALNAME:" + CalendarText.escape(name));
            lines.add("REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
            lines.add("X-PUBLISHED-TTL:" + REFRESH);
        }
        String stamp = CalendarText.utc(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // zone → the instants written in its local time, which its VTIMEZONE must cover
        Map<ZoneId, List<Instant>> local = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        sessions.forEach(s -> events.addAll(event(s, stamp, local)));
        local.forEach((zone, instants) ->
                lines.addAll(CalendarTimeZones.of(zone, Collections.min(instants), Collections.max(instants))));
        lines.addAll(events);
        lines.add("END:VCALENDAR");
        return ContentLines.fold(String.join(ContentLines.CRLF, lines));
    }

    private static List<String> event(Session s, String stamp, Map<ZoneId, List<Instant>> local) {
        ZoneId zone = ZoneId.of(s.timeZone);
        List<String> lines = new ArrayList<>(List.of(
                "BEGIN:VEVENT",
                "UID:" + s.id + "@dialoog",
                "DTSTAMP:" + stamp,
                "DTSTART" + time(s.startsAt.toInstant(), zone, local),
                "DTEND" + time(s.endsAt.toInstant(), zone, local),
                "SUMMARY:" + CalendarText.escape(s.title),
                "LAST-MODIFIED:" + CalendarText.utc(s.updatedAt.toInstant()),
                "SEQUENCE:" + s.sequence,
                "STATUS:" + (s.status == SessionStatus.CANCELLED ? "CANCELLED" : "CONFIRMED")));
        String description = description(s);
        if (!description.isEmpty()) {
            lines.add("DESCRIPTION:" + CalendarText.escape(description));
        }
        String where = s.locationAddress != null ? s.locationAddress : s.locationUrl;
        if (where != null) {
            lines.add("LOCATION:" + CalendarText.escape(where));
        }
        if (s.locationUrl != null) {
            lines.add("URL:" + s.locationUrl.replaceAll("[\\p{Cntrl}\\s]", ""));
        }
        lines.add("END:VEVENT");
        return lines;
    }

    /**
     * The zone's local time with its TZID, or UTC when that local time happens twice (the night summer
     * time ends): RFC 5545 then means the first, ical.js takes the second, and UTC is exact in both.
     */
    private static String time(Instant instant, ZoneId zone, Map<ZoneId, List<Instant>> local) {
        ZonedDateTime at = instant.atZone(zone);
        if (zone.getRules().getValidOffsets(at.toLocalDateTime()).size() > 1) {
            return ":" + CalendarText.utc(instant);
        }
        local.computeIfAbsent(zone, z -> new ArrayList<>()).add(instant);
        return ";TZID=" + CalendarText.param(zone.getId()) + ":" + CalendarText.local(at.toLocalDateTime());
    }

    private static String description(Session s) {
        StringBuilder text = new StringBuilder();
        if (s.description != null) {
            text.append(s.description.strip());
        }
        if (s.agenda != null && !s.agenda.isEmpty()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(s.agenda.stream()
                    .map(a -> "- " + a.title() + " (" + a.minutes() + " min)")
                    .collect(Collectors.joining("\n")));
        }
        if (s.status == SessionStatus.CANCELLED && s.cancelReason != null) {
            text.insert(0, "Cancelled: " + s.cancelReason + (text.length() > 0 ? "\n\n" : ""));
        }
        return text.toString();
    }
}
