package org.dialoog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads a calendar the way two independent calendar apps would, ical4j and ical.js (Thunderbird's
 * parser, run by Node), checks what RFC 5545 asks of its text, and returns what both made of it.
 */
public final class CalendarWitness {

    /** One event as both parsers read it. */
    public record Event(
            String uid,
            String summary,
            String zone,
            Instant start,
            Instant end,
            Instant ical4jStart,
            Instant ical4jEnd,
            JsonNode icalJs) {

        /** Both parsers put the event at these instants. */
        public void resolvesTo(Instant expectedStart, Instant expectedEnd) {
            resolvesInIcalJsTo(expectedStart, expectedEnd);
            assertThat(ical4jStart).as("ical4j's start of %s in %s", uid, zone).isEqualTo(expectedStart);
            assertThat(ical4jEnd).as("ical4j's end of %s in %s", uid, zone).isEqualTo(expectedEnd);
        }

        /** ical.js (Thunderbird's parser) puts the event at these instants. */
        public void resolvesInIcalJsTo(Instant expectedStart, Instant expectedEnd) {
            assertThat(start).as("ical.js's start of %s in %s", uid, zone).isEqualTo(expectedStart);
            assertThat(end).as("ical.js's end of %s in %s", uid, zone).isEqualTo(expectedEnd);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean NODE = nodeAvailable();

    private CalendarWitness() {}

    /** Whether Node is here to run ical.js; without it only ical4j reads the calendars. */
    public static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Checks the text (CRLF everywhere, no line over 75 octets, one VTIMEZONE per TZID used and no
     * other, exactly one DTSTAMP per VEVENT) and reads it with both parsers, which must agree on
     * every event's start and end. Events by UID, in calendar order.
     */
    public static Map<String, Event> read(String ics) throws Exception {
        if (!NODE) {
            // the independent witness is the point of these tests: without it they fail, never skip
            throw new AssertionError("ical.js runs on Node.js, which is not on the PATH: install Node.js 20+");
        }
        checkText(ics);
        // the calendar under test, to read when an assertion below fails
        Files.writeString(Path.of("target", "calendar-witness-last.ics"), ics);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        JsonNode js = icalJs(ics);
        List<String> used = new ArrayList<>();
        for (VEvent v : calendar.<VEvent>getComponents("VEVENT")) {
            if (!tzid(v).isEmpty()) {
                used.add(tzid(v));
            }
        }
        List<String> defined = new ArrayList<>();
        js.get("zones").forEach(z -> defined.add(z.asText()));
        assertThat(defined).as("one VTIMEZONE per TZID used").doesNotHaveDuplicates();
        assertThat(defined)
                .containsExactlyInAnyOrderElementsOf(used.stream().distinct().toList());

        Map<String, Event> events = new LinkedHashMap<>();
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(js.get("events")).hasSize(vevents.size());
        for (int i = 0; i < vevents.size(); i++) {
            VEvent v = vevents.get(i);
            JsonNode j = js.get("events").get(i);
            String uid = v.getProperty(Property.UID).orElseThrow().getValue();
            assertThat(j.get("uid").asText()).isEqualTo(uid);
            assertThat(v.getProperties(Property.DTSTAMP))
                    .as("DTSTAMP of " + uid)
                    .hasSize(1);
            assertThat(j.get("dtstamps").asInt()).isEqualTo(1);
            String zone = tzid(v);
            // a TZID without its VTIMEZONE would leave ical.js with a floating time
            assertThat(j.get("zone").asText()).as("ical.js zone of " + uid).isEqualTo(zone.isEmpty() ? "UTC" : zone);
            String summary = v.getProperty(Property.SUMMARY).orElseThrow().getValue();
            assertThat(j.get("summary").asText()).isEqualTo(summary);
            events.put(
                    uid,
                    new Event(
                            uid,
                            summary,
                            zone,
                            Instant.parse(j.get("start").asText()),
                            Instant.parse(j.get("end").asText()),
                            instant(v.getDateTimeStart().getDate()),
                            instant(v.getDateTimeEnd().getDate()),
                            j));
        }
        return events;
    }

    private static String tzid(VEvent v) {
        Property start = v.getProperty(Property.DTSTART).orElseThrow();
        Optional<Parameter> tzid = start.getParameter(Parameter.TZID);
        // without TZID a time is in UTC here: the writer writes no floating times
        assertThat(tzid.isPresent() || start.getValue().endsWith("Z")).isTrue();
        return tzid.map(Parameter::getValue).orElse("");
    }

    private static Instant instant(Temporal t) {
        return t instanceof Instant i ? i : ZonedDateTime.from(t).toInstant();
    }

    /** The event of a session, which must be there. */
    public static Event event(Map<String, Event> events, Object sessionId) {
        Event e = events.get(sessionId + "@dialoog");
        assertThat(e).as("event of session %s", sessionId).isNotNull();
        return Objects.requireNonNull(e);
    }

    /** RFC 5545 3.1: CRLF line ends, at most 75 octets per line, continuation lines start with one space. */
    public static void checkText(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");
        for (String line : physicalLines(ics)) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("octets in: %s", line)
                    .isLessThanOrEqualTo(75);
            assertThat(line).isNotEmpty();
        }
    }

    /** The calendar unfolded: one logical content line per entry. */
    public static List<String> contentLines(String ics) {
        return physicalLines(ics.replace("\r\n ", ""));
    }

    /** The lines as sent, folded; the text after the last CRLF (nothing, in a correct calendar) is left out. */
    public static List<String> physicalLines(String ics) {
        List<String> lines = List.of(ics.split("\r\n", -1));
        return lines.subList(0, lines.size() - 1);
    }

    private static JsonNode icalJs(String ics) throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(Objects.requireNonNull(CalendarWitness.class.getResource("/icaljs/parse.mjs"))
                .toURI());
        Process node = new ProcessBuilder("node", script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(ics.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        try (InputStream stdout = node.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("ical.js could not read the calendar").isZero();
        return JSON.readTree(out);
    }

    /** ical4j alone, for the checks that need its model. */
    public static Calendar ical4j(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
