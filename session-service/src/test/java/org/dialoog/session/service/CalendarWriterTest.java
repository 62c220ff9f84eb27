package org.dialoog.session.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dialoog.session.AgendaItem;
import org.dialoog.session.CalendarWitness;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.junit.jupiter.api.Test;

/** The calendar text itself, read back by ical4j and ical.js: no Quarkus, no database. */
class CalendarWriterTest {

    /** Zones with ordinary, southern, half-hour, 24:00, negative-standard, abolished and no daylight saving. */
    private static final List<String> ZONES = List.of(
            "Europe/Amsterdam",
            "America/New_York",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "America/Havana",
            "Asia/Gaza",
            "Europe/Dublin",
            "America/Sao_Paulo",
            "Asia/Kolkata",
            "Africa/Casablanca",
            "Pacific/Chatham",
            "UTC");

    /**
     * Zones whose tzdata lists changes one by one far ahead (Ramadan pauses of summer time until 2087):
     * ical4j 4.2.3 misreads their long RDATE lists by an hour at some dates, where ical.js reads them
     * exactly as java.time does; only ical.js is asked there.
     */
    private static final Set<String> ICAL4J_MISREADS = Set.of("Asia/Gaza", "Africa/Casablanca");

    @Test
    void everySessionResolvesToItsInstantInBothParsersAcrossZonesAndYears() throws Exception {
        List<Session> sessions = new ArrayList<>();
        // the evening of the 15th of each quarter, in years with other rules than today's too
        for (String zone : ZONES) {
            for (int year : List.of(1985, 2006, 2019, 2026, 2031, 2045)) {
                for (int month = 1; month <= 12; month += 3) {
                    sessions.add(session(zone, LocalDateTime.of(year, month, 15, 19, 30), "s"));
                }
            }
        }
        Map<String, CalendarWitness.Event> read = CalendarWitness.read(CalendarWriter.write(sessions, null));
        List<String> ical4jWrong = new ArrayList<>();
        for (Session s : sessions) {
            CalendarWitness.Event e = CalendarWitness.event(read, s.id);
            e.resolvesInIcalJsTo(s.startsAt.toInstant(), s.endsAt.toInstant());
            assertThat(e.zone()).isEqualTo(s.timeZone);
            if (!ICAL4J_MISREADS.contains(s.timeZone) && !e.ical4jStart().equals(s.startsAt.toInstant())) {
                ical4jWrong.add(s.timeZone + " " + s.startsAt + " ical4j=" + e.ical4jStart());
            }
        }
        assertThat(ical4jWrong).isEmpty();
    }

    @Test
    void daylightSavingNightsResolveToTheSameInstantsAsJavaTime() throws Exception {
        List<Session> sessions = new ArrayList<>();
        // around the changes of 2031 in Amsterdam (30 March, 26 October) and New York (9 March, 2 November)
        for (String[] day : new String[][] {
            {"Europe/Amsterdam", "2031-03-30"}, {"Europe/Amsterdam", "2031-10-26"},
            {"America/New_York", "2031-03-09"}, {"America/New_York", "2031-11-02"}
        }) {
            for (int hour = 0; hour < 5; hour++) {
                sessions.add(
                        session(day[0], LocalDateTime.parse(day[1] + "T00:15").plusHours(hour), "night"));
            }
        }
        Map<String, CalendarWitness.Event> read = CalendarWitness.read(CalendarWriter.write(sessions, null));
        for (Session s : sessions) {
            CalendarWitness.event(read, s.id).resolvesInIcalJsTo(s.startsAt.toInstant(), s.endsAt.toInstant());
        }
    }

    @Test
    void textIsEscapedAndFoldedWithoutSplittingCharacters() throws Exception {
        String title =
                "Bewonersavond, Oost; \\ wijk \"Ūžupis\" — 🏘️ ".repeat(6).strip();
        Session s = session("Europe/Amsterdam", LocalDateTime.of(2031, 6, 18, 19, 30), title);
        s.description = "Regel één,\r\nregel twee; met \\backslash\rnog een";
        s.locationAddress = "Stadhuisplein 1, Utrecht; zaal 2";
        String ics = CalendarWriter.write(List.of(s), "Wijkvisie; Oost, 2031");

        CalendarWitness.Event e = CalendarWitness.event(CalendarWitness.read(ics), s.id);
        assertThat(e.summary()).isEqualTo(title);
        assertThat(e.icalJs().get("description").asText())
                .startsWith("Regel één,\nregel twee; met \\backslash\nnog een");
        assertThat(e.icalJs().get("location").asText()).isEqualTo("Stadhuisplein 1, Utrecht; zaal 2");
        List<String> lines = CalendarWitness.contentLines(ics);
        assertThat(lines).anyMatch(l -> l.startsWith("SUMMARY:Bewonersavond\\, Oost\\; \\\\ wijk"));
        assertThat(lines).contains("NAME:Wijkvisie\\; Oost\\, 2031", "METHOD:PUBLISH");
        assertThat(lines).noneMatch(l -> l.startsWith("ORGANIZER") || l.startsWith("ATTENDEE"));
        assertThat(CalendarWitness.physicalLines(ics)).anyMatch(l -> l.startsWith(" ")); // the long title was folded
    }

    @Test
    void aZoneIsDefinedOnceWithBothItsSummerAndWinterTime() throws Exception {
        List<Session> sessions = List.of(
                session("Europe/Amsterdam", LocalDateTime.of(2031, 1, 15, 19, 30), "winter"),
                session("Europe/Amsterdam", LocalDateTime.of(2031, 6, 18, 19, 30), "summer"),
                session("America/New_York", LocalDateTime.of(2031, 6, 18, 19, 30), "new york"));
        String ics = CalendarWriter.write(sessions, null);
        List<String> lines = CalendarWitness.contentLines(ics);
        assertThat(lines.stream().filter(l -> l.equals("BEGIN:VTIMEZONE"))).hasSize(2);
        assertThat(lines)
                .containsSubsequence(
                        "TZID:Europe/Amsterdam",
                        "BEGIN:DAYLIGHT",
                        "TZOFFSETTO:+0200",
                        "BEGIN:STANDARD",
                        "TZOFFSETTO:+0100");
        assertThat(lines).noneMatch(l -> l.contains("Brussels") || l.contains("ical4j"));
        Map<String, CalendarWitness.Event> read = CalendarWitness.read(ics);
        assertThat(read.values())
                .extracting(CalendarWitness.Event::start, CalendarWitness.Event::ical4jStart)
                .containsExactly(
                        tuple(Instant.parse("2031-01-15T18:30:00Z"), Instant.parse("2031-01-15T18:30:00Z")),
                        tuple(Instant.parse("2031-06-18T17:30:00Z"), Instant.parse("2031-06-18T17:30:00Z")),
                        tuple(Instant.parse("2031-06-18T23:30:00Z"), Instant.parse("2031-06-18T23:30:00Z")));
    }

    @Test
    void anEmptyCalendarIsStillACalendar() {
        String ics = CalendarWriter.write(List.of(), "Leeg");
        CalendarWitness.checkText(ics);
        assertThat(CalendarWitness.contentLines(ics))
                .startsWith("BEGIN:VCALENDAR")
                .endsWith("END:VCALENDAR");
    }

    private static Session session(String zone, LocalDateTime localStart, String title) {
        Session s = new Session();
        s.id = UUID.randomUUID();
        s.title = title;
        s.timeZone = zone;
        s.startsAt = localStart.atZone(ZoneId.of(zone)).toOffsetDateTime();
        s.endsAt = s.startsAt.plusHours(2);
        s.status = SessionStatus.PLANNED;
        s.agenda = List.of(new AgendaItem("Check-in", 15));
        s.updatedAt = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        return s;
    }
}
