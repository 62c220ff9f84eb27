package org.dialoog.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;

/**
 * VTIMEZONE components written from the JDK's time-zone rules, so that a calendar app resolves
 * every local time exactly as {@code java.time} did. ical4j is not used for this: its bundled
 * definitions can carry another TZID than the zone asked for (Europe/Amsterdam comes back as
 * Europe/Brussels, a tzdata link), and its own rule engine writes local times near a change an
 * hour off (America/New_York, the evening before summer time starts).
 */
public final class CalendarTimeZones {

    /** Beyond the last session, so that both summer and winter time of its year are defined. */
    private static final long LOOK_AHEAD_DAYS = 366;
    /** A bound on enumerated changes for zones whose rules cannot be written as RRULEs. */
    private static final int MAX_OBSERVANCES = 400;

    private CalendarTimeZones() {}

    /** One change of offset, or the offset in force before the first change written ({@code from == to}). */
    private record Observance(
            boolean daylight,
            LocalDateTime start,
            ZoneOffset from,
            ZoneOffset to,
            String name,
            @Nullable String rrule) {

        /** The same change at another time: the key under which alike changes are grouped. */
        Observance withStart(LocalDateTime other) {
            return new Observance(daylight, other, from, to, name, rrule);
        }
    }

    /**
     * The content lines of the VTIMEZONE for {@code zone} (TZID is the zone's id), defining every
     * offset in force from {@code from} to {@code until}.
     */
    public static List<String> of(ZoneId zone, Instant from, Instant until) {
        ZoneRules rules = zone.getRules();
        Instant end = until.plus(LOOK_AHEAD_DAYS, ChronoUnit.DAYS);
        List<ZoneOffsetTransition> history = rules.getTransitions();
        Instant endOfHistory = history.isEmpty()
                ? Instant.MIN
                : history.get(history.size() - 1).getInstant();
        Optional<Recurring> recurring = recurring(zone, rules, endOfHistory);
        List<Observance> observances = new ArrayList<>();
        ZoneOffsetTransition t = rules.previousTransition(from.plusSeconds(1));
        if (t == null) {
            ZoneOffset offset = rules.getOffset(from);
            LocalDateTime start = LocalDateTime.ofInstant(from, offset).truncatedTo(ChronoUnit.DAYS);
            observances.add(new Observance(false, start, offset, offset, name(zone, false), null));
            t = rules.nextTransition(from);
        } else {
            boolean ruled = recurring.isPresent() && t.getInstant().isAfter(endOfHistory);
            observances.add(before(zone, rules, ruled ? recurring.get().first() : t));
        }
        // the changes the yearly rules below do not produce are written one by one
        while (t != null
                && !t.getInstant().isAfter(end)
                && (recurring.isEmpty() || !t.getInstant().isAfter(endOfHistory))
                && observances.size() < MAX_OBSERVANCES) {
            boolean daylight = rules.isDaylightSavings(t.getInstant());
            observances.add(new Observance(
                    daylight,
                    t.getDateTimeBefore(),
                    t.getOffsetBefore(),
                    t.getOffsetAfter(),
                    name(zone, daylight),
                    null));
            t = rules.nextTransition(t.getInstant());
        }
        if (recurring.isPresent() && end.isAfter(endOfHistory)) {
            observances.addAll(recurring.get().observances());
        }
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + CalendarText.escape(zone.getId()));
        // changes alike (same kind, offsets and name) share one observance with an RDATE per onset
        Map<Observance, List<LocalDateTime>> onsets = new LinkedHashMap<>();
        observances.forEach(o -> onsets.computeIfAbsent(o.withStart(LocalDateTime.MIN), k -> new ArrayList<>())
                .add(o.start()));
        onsets.forEach((o, starts) -> lines.addAll(lines(o, starts)));
        lines.add("END:VTIMEZONE");
        return lines;
    }

    /**
     * An observance's lines. Its DTSTART is repeated as an RDATE (the recurrence set is a set, so this
     * changes nothing in RFC 5545): ical4j takes an observance's DTSTART for where the observance's
     * definition begins rather than for a change, and reads only RDATE and RRULE onsets as changes.
     */
    private static List<String> lines(Observance o, List<LocalDateTime> starts) {
        String kind = o.daylight() ? "DAYLIGHT" : "STANDARD";
        List<String> lines = new ArrayList<>(List.of(
                "BEGIN:" + kind,
                "TZNAME:" + CalendarText.escape(o.name()),
                "TZOFFSETFROM:" + CalendarText.utcOffset(o.from()),
                "TZOFFSETTO:" + CalendarText.utcOffset(o.to()),
                "DTSTART:" + CalendarText.local(starts.get(0))));
        if (o.rrule() != null) {
            lines.add("RRULE:" + o.rrule());
        } else {
            starts.forEach(start -> lines.add("RDATE:" + CalendarText.local(start)));
        }
        lines.add("END:" + kind);
        return lines;
    }

    /**
     * The offset in force just before the first change written, as an observance without a change.
     * ical4j takes a VTIMEZONE's first onset as the zone's starting point rather than as a change,
     * and would give the times after it the TZOFFSETFROM; ical.js reads it as a change. With this
     * observance first, both agree.
     */
    private static Observance before(ZoneId zone, ZoneRules rules, ZoneOffsetTransition first) {
        boolean daylight = rules.isDaylightSavings(first.getInstant().minusSeconds(1));
        ZoneOffset offset = first.getOffsetBefore();
        return new Observance(
                daylight, first.getDateTimeBefore().minusDays(1), offset, offset, name(zone, daylight), null);
    }

    /** The yearly observances of a zone's current rules, and the earliest change they describe. */
    private record Recurring(List<Observance> observances, ZoneOffsetTransition first) {}

    /** One yearly observance per transition rule, from its first use, or empty when a rule has no RRULE form. */
    private static Optional<Recurring> recurring(ZoneId zone, ZoneRules rules, Instant endOfHistory) {
        List<Observance> observances = new ArrayList<>();
        ZoneOffsetTransition earliest = null;
        for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
            Optional<String> recur = TransitionRecurrence.rrule(r);
            if (recur.isEmpty() || r.isMidnightEndOfDay()) {
                return Optional.empty();
            }
            int year = endOfHistory.equals(Instant.MIN)
                    ? 1970
                    : endOfHistory.atOffset(ZoneOffset.UTC).getYear();
            ZoneOffsetTransition first = r.createTransition(year);
            while (!first.getInstant().isAfter(endOfHistory)) {
                first = r.createTransition(++year);
            }
            earliest = earliest == null || first.getInstant().isBefore(earliest.getInstant()) ? first : earliest;
            boolean daylight = !r.getOffsetAfter().equals(r.getStandardOffset());
            observances.add(new Observance(
                    daylight,
                    first.getDateTimeBefore(),
                    r.getOffsetBefore(),
                    r.getOffsetAfter(),
                    name(zone, daylight),
                    recur.get()));
        }
        return earliest == null ? Optional.empty() : Optional.of(new Recurring(observances, earliest));
    }

    private static String name(ZoneId zone, boolean daylight) {
        return TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.ROOT);
    }
}
