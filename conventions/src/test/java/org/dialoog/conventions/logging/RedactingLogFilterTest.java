package org.dialoog.conventions.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Objects;
import java.util.logging.Level;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The log filter takes personal data out of messages and exception chains and leaves everything else as it was. */
class RedactingLogFilterTest {

    private static final String EMAIL = "fatima.el-amrani+dialoog@gemeente.example.nl";
    private static final String ANSWER = "Het vertrouwen in de wijkraad is weg";
    private static final RedactingLogFilter FILTER = new RedactingLogFilter();

    @Test
    void anEmailAddressInAMessageOrItsParametersIsRedacted() {
        ExtLogRecord record = record("Registration of %s for session %s", EMAIL, "7f0c");
        assertThat(FILTER.isLoggable(record)).isTrue();
        assertThat(message(record)).isEqualTo("Registration of " + Redaction.EMAIL_REDACTED + " for session 7f0c");
    }

    @Test
    void postgresValuesInTheThrownChainAreRedactedKeepingClassesMessagesAndFrames() {
        SQLException driver = new SQLException("ERROR: null value in column \"title\" of relation \"note\" violates "
                + "not-null constraint\n  Detail: Failing row contains (3c1e, demo, null, " + ANSWER + ",\nsecond line "
                + EMAIL + ", 0).\n  Where: unnamed portal parameter $3 = '" + ANSWER + "'");
        RuntimeException hibernate = new RuntimeException(
                "could not execute statement [ERROR: duplicate key value violates unique constraint "
                        + "\"registration_email_once\"\n  Detail: Key (session_id, lower(email::text))=(3c1e, " + EMAIL
                        + ") already exists.] [insert into registration (id,email) values (?,?)]",
                driver);
        hibernate.addSuppressed(new IllegalStateException("rollback of " + EMAIL + " failed"));
        ExtLogRecord record = record("Unexpected error %s on %s", "e-1", "/api/v1/sessions");
        record.setThrown(hibernate);

        FILTER.isLoggable(record);

        Throwable logged = record.getThrown();
        assertThat(printed(logged))
                .doesNotContain(EMAIL, ANSWER, "second line")
                .contains("java.lang.RuntimeException: could not execute statement [ERROR: duplicate key value "
                        + "violates unique constraint \"registration_email_once\"\n  Detail: " + Redaction.REDACTED)
                .contains("Caused by: java.sql.SQLException: ERROR: null value in column \"title\" of relation "
                        + "\"note\" violates not-null constraint\n  Detail: " + Redaction.REDACTED + "\n  Where: "
                        + Redaction.REDACTED)
                .contains("Suppressed: java.lang.IllegalStateException: rollback of " + Redaction.EMAIL_REDACTED);
        assertThat(logged.getStackTrace()).isEqualTo(hibernate.getStackTrace());
        assertThat(Objects.requireNonNull(logged.getCause()).getStackTrace()).isEqualTo(driver.getStackTrace());
        assertThat(message(record)).isEqualTo("Unexpected error e-1 on /api/v1/sessions");
    }

    @Test
    void aRecordWithoutPersonalDataIsLeftAsItWas() {
        IllegalStateException thrown = new IllegalStateException(
                "Outbox relay cannot publish yet",
                new SQLException("ERROR: duplicate key value violates unique constraint \"processed_event_pkey\""));
        ExtLogRecord record = record("Event %s failed in %s, attempt %d of %d", "e-2", "engagement-events", 1, 3);
        record.setThrown(thrown);

        FILTER.isLoggable(record);

        assertThat(record.getThrown()).isSameAs(thrown);
        assertThat(record.getParameters()).hasSize(4);
        assertThat(message(record)).isEqualTo("Event e-2 failed in engagement-events, attempt 1 of 3");
    }

    @Test
    void aCauseChainThatLoopsIsCopiedOnce() {
        RuntimeException outer = new RuntimeException("outer " + EMAIL);
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.initCause(inner);
        ExtLogRecord record = record("loop");
        record.setThrown(outer);

        FILTER.isLoggable(record);

        assertThat(printed(record.getThrown()))
                .doesNotContain(EMAIL)
                .contains("Caused by: java.lang.RuntimeException: inner");
    }

    @Test
    void valuesPostgresQuotesInItsMessagesAreRedacted() {
        assertThat(Redaction.redact("Batch entry 0 insert into participant (id, email) values (('1'), ('" + EMAIL
                        + "')) was aborted: ERROR: duplicate key value  Call getNextException to see other errors."))
                .isEqualTo("Batch entry 0 " + Redaction.REDACTED + " was aborted: ERROR: duplicate key value  Call "
                        + "getNextException to see other errors.");
        assertThat(Redaction.redact("ERROR: invalid input syntax for type uuid: \"" + ANSWER + "\""))
                .isEqualTo("ERROR: invalid input syntax for type uuid: " + Redaction.REDACTED);
        assertThat(Redaction.redact("ERROR: value \"99999999999\" is out of range for type integer"))
                .isEqualTo("ERROR: value " + Redaction.REDACTED + " is out of range for type integer");
        assertThat(Redaction.redact("ERROR: invalid input value for enum status: \"" + ANSWER + "\""))
                .doesNotContain(ANSWER);
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = Redaction.redact("x\n  Detail: Key (email)=(" + EMAIL + ") already exists.\n  Hint: none");
        assertThat(once).isEqualTo("x\n  Detail: " + Redaction.REDACTED + "\n  Hint: none");
        assertThat(Redaction.redact(once)).isEqualTo(once);
    }

    private static ExtLogRecord record(String format, Object... parameters) {
        ExtLogRecord record = new ExtLogRecord(
                Level.WARNING, format, ExtLogRecord.FormatStyle.PRINTF, RedactingLogFilterTest.class.getName());
        record.setParameters(parameters);
        return record;
    }

    private static String message(ExtLogRecord record) {
        return new ExtFormatter() {
            @Override
            public String format(ExtLogRecord r) {
                return formatMessage(r);
            }
        }.formatMessage(record);
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
