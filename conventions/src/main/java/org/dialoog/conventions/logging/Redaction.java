package org.dialoog.conventions.logging;

import java.util.regex.Pattern;

/**
 * What a log line must never carry, taken out of a text: e-mail addresses, and the values
 * PostgreSQL quotes back when a statement fails (a key or row in {@code Detail:}, a parameter in
 * {@code Where:}, a batch entry's SQL with its values, the input it could not read).
 */
public final class Redaction {

    /** An e-mail address, internationalised ones too (the tests' log scans look for the same). */
    public static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    /** What stands where a value was. */
    public static final String REDACTED = "[redacted]";

    /** What stands where an e-mail address was. */
    public static final String EMAIL_REDACTED = "[e-mail]";

    /**
     * A server message's Detail, Where or Internal Query field, up to its next field or the end
     * of the text: a value may span lines, so the end of a line does not end it.
     */
    private static final Pattern SERVER_FIELD = Pattern.compile(
            "((?:Detail|Where|Internal Query): ).*?(?=\\n\\s*(?:Hint|Position|Where|Internal Query|Internal Position"
                    + "|Location|Server SQLState|Routine): |\\z)",
            Pattern.DOTALL);

    /** pgjdbc's "Batch entry 0 insert into … values (…) was aborted": the statement with its values. */
    private static final Pattern BATCH_ENTRY = Pattern.compile("(Batch entry \\d+ ).*( was aborted)", Pattern.DOTALL);

    /** Messages that quote the input PostgreSQL could not read, e.g. invalid input syntax for type uuid: "…". */
    private static final Pattern QUOTED_INPUT = Pattern.compile(
            "((?:invalid input (?:syntax|value)[^:\\n]*|malformed [a-z]+ literal|field value out of range): )\"[^\\n]*");

    private static final Pattern OUT_OF_RANGE = Pattern.compile("(value )\"[^\\n]*\"( is out of range)");

    private Redaction() {}

    /** {@code text} without e-mail addresses and without the values of PostgreSQL's error fields. */
    public static String redact(String text) {
        String redacted = text;
        if (redacted.contains("Detail: ") || redacted.contains("Where: ") || redacted.contains("Internal Query: ")) {
            redacted = SERVER_FIELD.matcher(redacted).replaceAll("$1" + REDACTED);
        }
        if (redacted.contains("Batch entry ")) {
            redacted = BATCH_ENTRY.matcher(redacted).replaceAll("$1" + REDACTED + "$2");
        }
        if (redacted.contains("invalid input")
                || redacted.contains(" literal: ")
                || redacted.contains("out of range")) {
            redacted = QUOTED_INPUT.matcher(redacted).replaceAll("$1" + REDACTED);
            redacted = OUT_OF_RANGE.matcher(redacted).replaceAll("$1" + REDACTED + "$2");
        }
        if (redacted.indexOf('@') >= 0) {
            redacted = EMAIL.matcher(redacted).replaceAll(EMAIL_REDACTED);
        }
        return redacted;
    }
}
