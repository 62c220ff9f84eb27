package org.dialoog.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Values as RFC 5545 writes them: escaped TEXT, quoted parameter values, DATE-TIME in local time and in UTC. */
public final class CalendarText {

    private CalendarText() {}

    /**
     * TEXT (3.3.11): backslash, semicolon and comma escaped, every line break as {@code \n}; the other
     * control characters, which TEXT does not allow and input never brings, are left out.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || !Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A parameter value (3.2), in double quotes when it holds a colon, semicolon or comma (a zone like UTC+01:00). */
    public static String param(String value) {
        return value.matches("[^\";:,]*") ? value : "\"" + value.replace("\"", "") + "\"";
    }

    /** DATE-TIME in local time (3.3.5, form 1 or 3): {@code 20310115T193000}. */
    public static String local(LocalDateTime t) {
        return String.format(
                Locale.ROOT,
                "%04d%02d%02dT%02d%02d%02d",
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond());
    }

    /** DATE-TIME in UTC (3.3.5, form 2): {@code 20310115T183000Z}. */
    public static String utc(Instant instant) {
        return local(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
    }

    /** UTC-OFFSET (RFC 5545 3.3.14): +hhmm, or +hhmmss when the offset has seconds (local mean time). */
    public static String utcOffset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
