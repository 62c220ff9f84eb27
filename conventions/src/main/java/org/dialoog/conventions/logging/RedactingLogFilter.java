package org.dialoog.conventions.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log handlers' safety net ({@code quarkus.log.console.filter} and {@code quarkus.log.file.filter}):
 * every record goes out without e-mail addresses and without the values PostgreSQL quoted back,
 * whoever logged it. A message that needed it is replaced by its redacted text; an exception that
 * needed it by a {@link RedactedException} copy with the same class names and stack frames.
 */
@LoggingFilter(name = RedactingLogFilter.NAME)
public final class RedactingLogFilter implements Filter {

    /** The name the handlers' {@code filter} settings use. */
    public static final String NAME = "dialoog-redact";

    /** Reads a record's message the way its handlers will: parameters filled in, in the record's style. */
    private static final ExtFormatter MESSAGES = new ExtFormatter() {
        @Override
        public String format(ExtLogRecord record) {
            return formatMessage(record);
        }
    };

    @Override
    public boolean isLoggable(LogRecord record) {
        String message;
        try {
            message = MESSAGES.formatMessage(record);
        } catch (RuntimeException unformattable) {
            message = record.getMessage(); // a format its parameters do not fit: the handler copes, we redact the text
        }
        if (message != null) {
            String redacted = Redaction.redact(message);
            if (!redacted.equals(message)) {
                // the redacted text is final: its parameters are in it, and a '%' or '{' in it is no placeholder
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(redacted);
                }
                record.setParameters(null);
            }
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            record.setThrown(RedactedException.of(thrown));
        }
        return true;
    }
}
