package org.dialoog.session;

import java.time.DayOfWeek;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.Optional;

/** A time zone's yearly change (a {@code java.time} transition rule) as an RFC 5545 RRULE, where it has one. */
public final class TransitionRecurrence {

    private TransitionRecurrence() {}

    /** The RRULE of "the n-th weekday of a month", "the last weekday", or "the weekday on or after a day". */
    public static Optional<String> rrule(ZoneOffsetTransitionRule r) {
        int day = r.getDayOfMonthIndicator();
        String yearly = "FREQ=YEARLY;BYMONTH=" + r.getMonth().getValue();
        DayOfWeek weekday = r.getDayOfWeek();
        if (weekday == null) {
            return Optional.of(yearly + ";BYMONTHDAY=" + day);
        }
        String dow = weekday.name().substring(0, 2);
        int shortest = r.getMonth().minLength();
        if (day > 0 && day + 6 == shortest && shortest == r.getMonth().maxLength()) {
            return Optional.of(yearly + ";BYDAY=-1" + dow);
        }
        if (day > 0 && (day - 1) % 7 == 0 && day + 6 <= shortest) {
            return Optional.of(yearly + ";BYDAY=" + ((day - 1) / 7 + 1) + dow);
        }
        if (day < 0 && (-day - 1) % 7 == 0) {
            return Optional.of(yearly + ";BYDAY=-" + ((-day - 1) / 7 + 1) + dow);
        }
        if (day > 0 && day + 6 <= shortest) {
            StringBuilder days = new StringBuilder();
            for (int d = day; d <= day + 6; d++) {
                days.append(d == day ? "" : ",").append(d);
            }
            return Optional.of(yearly + ";BYMONTHDAY=" + days + ";BYDAY=" + dow);
        }
        return Optional.empty();
    }
}
