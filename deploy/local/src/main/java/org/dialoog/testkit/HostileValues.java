package org.dialoog.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.testkit.OpenApiSchemas.Kind;

/** Hostile values for each kind of schema: JSON text for request bodies, plain text for path, query and header parameters. */
final class HostileValues {

    /** One hostile value: a label for the report, its text, and whether that text is already URL-encoded. */
    record Value(String label, String text, boolean encoded) {}

    static final String LONG = "x".repeat(10_000);

    private static final List<Value> STRINGS = List.of(
            string("NUL", "fuzz\u0000fuzz"),
            string("control characters", "\u0001\u0008\u001b[31m\u007f"),
            string("10,000 characters", LONG),
            json("lone surrogate", "\"\\ud800\""),
            string("SQL", "' OR 1=1 --"),
            string("script", "<script>alert(1)</script>"),
            string("emoji and bidi override", "\uD83D\uDE42 \uD83D\uDC69\u200D\uD83D\uDC67 \u202E"),
            string("empty", ""),
            string("whitespace only", " \t\n "),
            json("a number", "12345"),
            json("a boolean", "true"),
            json("an object", "{\"a\":1}"),
            json("an array", "[\"a\"]"),
            json("null", "null"));

    private static final List<Value> EMAILS = List.of(
            string("not an address", "not-an-email"),
            string("two at signs", "a@b@example.nl"),
            string("300 characters", "a".repeat(300) + "@example.nl"));

    private static final List<Value> URLS = List.of(
            string("javascript URL", "javascript:alert(1)"),
            string("http, not https", "http://example.nl/x"),
            string("no host", "https://"));

    private static final List<Value> IDS = List.of(
            string("malformed", "not-a-uuid"),
            string("short form", "1-1-1-1-1"),
            string("nil", "00000000-0000-0000-0000-000000000000"),
            string("37 characters", "00000000-0000-0000-0000-0000000000000"),
            string("empty", ""),
            string("NUL", "\u0000"),
            string("SQL", "' OR 1=1 --"),
            json("a number", "12345"),
            json("an object", "{}"),
            json("null", "null"));

    private static final List<Value> INTEGERS = List.of(
            json("0", "0"),
            json("-1", "-1"),
            json("Integer.MAX_VALUE", "2147483647"),
            json("Integer.MAX_VALUE + 1", "2147483648"),
            json("Long.MAX_VALUE", "9223372036854775807"),
            json("Long.MIN_VALUE - 1", "-9223372036854775809"),
            json("1e308", "1e308"),
            json("fraction 2.5", "2.5"),
            json("a numeric string", "\"12\""),
            json("400 digits", "9".repeat(400)),
            json("1,200 digits", "9".repeat(1200)),
            json("a string", "\"abc\""),
            json("a boolean", "true"),
            json("an array", "[1]"),
            json("null", "null"));

    private static final List<Value> NUMBERS =
            List.of(json("1e309", "1e309"), json("NaN as a string", "\"NaN\""), json("-0.0", "-0.0"));

    private static final List<Value> BOOLEANS = List.of(
            json("a string \"true\"", "\"true\""),
            json("1", "1"),
            json("0", "0"),
            json("\"yes\"", "\"yes\""),
            json("null", "null"),
            json("an object", "{}"));

    private static final List<Value> DATE_TIMES = List.of(
            string("no offset", "2026-03-12T19:30:00"),
            string("year 99999", "+99999-01-01T00:00:00Z"),
            string("year 99999 without sign", "99999-01-01T00:00:00Z"),
            string("February 30", "2026-02-30T10:00:00Z"),
            string("month 13", "2026-13-01T10:00:00Z"),
            string("largest instant", "+999999999-12-31T23:59:59.999999999-18:00"),
            string("smallest instant", "-999999999-01-01T00:00:00+18:00"),
            string("year 0", "0000-01-01T00:00:00Z"),
            string("offset +25:00", "2026-03-12T19:30:00+25:00"),
            string("date only", "2026-03-12"),
            json("epoch seconds", "1773340200"),
            string("empty", ""),
            json("null", "null"));

    private static final List<Value> DATES = List.of(
            string("February 30", "2026-02-30"),
            string("year 99999", "+99999-01-01"),
            string("largest date", "+999999999-12-31"),
            string("smallest date", "-999999999-01-01"),
            string("unpadded", "2026-1-1"),
            string("a date-time", "2026-03-12T10:00:00Z"),
            json("a number", "20260312"),
            string("empty", ""),
            json("null", "null"));

    private static final List<Value> ARRAYS = List.of(
            json("null", "null"),
            json("an object", "{}"),
            json("a string", "\"x\""),
            json("[null]", "[null]"),
            json("empty", "[]"),
            json("a nested array", "[[]]"));

    private static final List<Value> OBJECTS =
            List.of(json("null", "null"), json("a string", "\"x\""), json("an array", "[]"), json("a number", "1"));

    private static final List<Value> ANYTHING = List.of(
            string("NUL", "\u0000"),
            string("10,000 characters", LONG),
            json("lone surrogate", "\"\\ud800\""),
            string("empty", ""),
            json("400 digits", "9".repeat(400)),
            json("1e308", "1e308"),
            json("-1", "-1"),
            json("fraction 2.5", "2.5"),
            json("a boolean", "true"),
            json("an object", "{}"),
            json("an array", "[]"),
            json("null", "null"));

    private static final List<Value> PARAM_STRINGS = List.of(
            text("NUL", "fuzz\u0000"),
            text("control characters", "\u0001\u001b[31m"),
            text("10,000 characters", LONG),
            encoded("invalid UTF-8", "%ED%A0%80"),
            text("SQL", "' OR 1=1 --"),
            text("script", "<script>alert(1)</script>"),
            text("emoji", "\uD83D\uDE42"),
            text("empty", ""),
            text("whitespace only", "  "),
            text("path traversal", "../../etc/passwd"),
            text("percent sign", "%"),
            text("a number", "12345"));

    private static final List<Value> PARAM_IDS = List.of(
            text("malformed", "not-a-uuid"),
            text("short form", "1-1-1-1-1"),
            text("nil", "00000000-0000-0000-0000-000000000000"),
            text("37 characters", "00000000-0000-0000-0000-0000000000000"),
            text("empty", ""),
            text("NUL", "\u0000"),
            text("SQL", "' OR 1=1 --"),
            encoded("invalid UTF-8", "%ED%A0%80"),
            text("path traversal", "../x"));

    private static final List<Value> PARAM_NUMBERS = List.of(
            text("0", "0"),
            text("-1", "-1"),
            text("Integer.MAX_VALUE", "2147483647"),
            text("Integer.MAX_VALUE + 1", "2147483648"),
            text("Long.MAX_VALUE", "9223372036854775807"),
            text("20 digits", "99999999999999999999"),
            text("1e308", "1e308"),
            text("fraction 2.5", "2.5"),
            text("letters", "abc"),
            text("empty", ""),
            text("leading space", " 1"),
            text("hexadecimal", "0x10"),
            text("NUL", "1\u0000"));

    private static final List<Value> PARAM_BOOLEANS = List.of(
            text("yes", "yes"),
            text("1", "1"),
            text("upper case", "TRUE"),
            text("empty", ""),
            text("misspelt", "truee"),
            text("NUL", "\u0000"));

    private static final List<Value> PARAM_DATE_TIMES = List.of(
            text("no offset", "2026-03-12T19:30:00"),
            text("year 99999", "+99999-01-01T00:00:00Z"),
            text("February 30", "2026-02-30T10:00:00Z"),
            text("largest instant", "+999999999-12-31T23:59:59.999999999-18:00"),
            text("smallest instant", "-999999999-01-01T00:00:00+18:00"),
            text("date only", "2026-03-12"),
            text("empty", ""),
            text("a word", "now"),
            text("epoch seconds", "1773340200"));

    private static final List<Value> PARAM_DATES = List.of(
            text("February 30", "2026-02-30"),
            text("year 99999", "+99999-01-01"),
            text("largest date", "+999999999-12-31"),
            text("smallest date", "-999999999-01-01"),
            text("unpadded", "2026-1-1"),
            text("empty", ""),
            text("a word", "today"));

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    /** A random UUID from the seeded generator, so that a run can be repeated. */
    String randomUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Hostile JSON values for a body field of this kind; {@code schema} is resolved and names the constants of an enum. */
    List<Value> json(Kind kind, JsonNode schema) {
        List<Value> out = new ArrayList<>();
        switch (kind) {
            case TEXT -> out.addAll(STRINGS);
            case EMAIL -> {
                out.addAll(STRINGS);
                out.addAll(EMAILS);
            }
            case URL -> {
                out.addAll(STRINGS);
                out.addAll(URLS);
            }
            case ID -> {
                out.addAll(IDS);
                out.add(string("random", randomUuid()));
            }
            case CONSTANT -> out.addAll(constants(schema.path("enum").path(0).asText()));
            case DATE_TIME -> out.addAll(DATE_TIMES);
            case DATE -> out.addAll(DATES);
            case INTEGER -> out.addAll(INTEGERS);
            case NUMBER -> {
                out.addAll(INTEGERS);
                out.addAll(NUMBERS);
            }
            case BOOLEAN -> out.addAll(BOOLEANS);
            case ARRAY -> out.addAll(ARRAYS);
            case OBJECT, MAP -> out.addAll(OBJECTS);
            case ANY -> out.addAll(ANYTHING);
        }
        return out;
    }

    /** Hostile text for a path, query or header parameter of this kind. */
    List<Value> text(Kind kind, JsonNode schema) {
        List<Value> out = new ArrayList<>();
        switch (kind) {
            case ID -> {
                out.addAll(PARAM_IDS);
                out.add(text("random", randomUuid()));
            }
            case INTEGER, NUMBER -> out.addAll(PARAM_NUMBERS);
            case BOOLEAN -> out.addAll(PARAM_BOOLEANS);
            case CONSTANT -> {
                String first = schema.path("enum").path(0).asText();
                out.add(text("unknown constant", "NOT_A_CONSTANT"));
                out.add(text("lower case", first.toLowerCase(Locale.ROOT)));
                out.add(text("ordinal 0", "0"));
                out.add(text("empty", ""));
                out.add(text("padded", " " + first + " "));
                out.add(text("NUL", first + "\u0000"));
            }
            case DATE_TIME -> out.addAll(PARAM_DATE_TIMES);
            case DATE -> out.addAll(PARAM_DATES);
            case TEXT, EMAIL, URL, ARRAY, OBJECT, MAP, ANY -> out.addAll(PARAM_STRINGS);
        }
        return out;
    }

    private static List<Value> constants(String first) {
        return List.of(
                string("unknown constant", "NOT_A_CONSTANT"),
                string("lower case", first.toLowerCase(Locale.ROOT)),
                string("padded", " " + first + " "),
                string("NUL", first + "\u0000"),
                json("ordinal 0", "0"),
                string("empty", ""),
                json("null", "null"),
                json("in an array", "[" + quote(first) + "]"));
    }

    /** A JSON string literal; control characters are escaped as JSON requires. */
    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static Value string(String label, String s) {
        return new Value(label, quote(s), false);
    }

    private static Value json(String label, String json) {
        return new Value(label, json, false);
    }

    private static Value text(String label, String text) {
        return new Value(label, text, false);
    }

    private static Value encoded(String label, String urlEncoded) {
        return new Value(label, urlEncoded, true);
    }
}
