package org.dialoog.session.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.store.DueReminders;

/**
 * Reminders at a session's offsets before its start. Each (session, offset, start) is recorded once
 * in {@code session_reminder}, in the transaction that decides its messages, under the session's
 * row lock: jobs of several replicas racing for the same reminder send it once, and a restart finds
 * it recorded. A reminder whose moment had already passed when the session was scheduled or moved
 * is recorded as skipped, never sent late.
 */
@ApplicationScoped
public class Reminders {

    /** Reminders of a session that names none. */
    public static final List<String> DEFAULTS = List.of("PT48H", "PT2H");

    static final int MOST = 5;
    static final Duration LONGEST = Duration.ofDays(30);

    private final DueReminders due;
    private final Caller caller;
    private final MessageDecisions decisions;

    Reminders(DueReminders due, Caller caller, MessageDecisions decisions) {
        this.due = due;
        this.caller = caller;
        this.decisions = decisions;
    }

    /** Sessions of every tenant with a reminder due now. */
    public List<DueReminders.Due> due(int limit) {
        return due.find(limit);
    }

    /**
     * Sends the session's due reminders that nobody sent yet, as its tenant, in one transaction.
     * Returns how many messages were decided.
     */
    @ActivateRequestContext
    public int remind(String tenant, UUID sessionId) {
        caller.actForTenant(tenant);
        return QuarkusTransaction.requiringNew().call(() -> remindLocked(sessionId));
    }

    private int remindLocked(UUID sessionId) {
        Session s = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (s == null || s.status != SessionStatus.PLANNED || s.hasStarted(now)) {
            return 0;
        }
        int decided = 0;
        for (String offset : s.reminders) {
            if (!s.startsAt.minus(Duration.parse(offset)).isAfter(now) && record(s, offset, "SENT")) {
                decided += decisions.reminded(s, offset);
            }
        }
        return decided;
    }

    /** Records the offsets whose moment before the session's (new) start has passed as skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void skipPassed(Session s, Collection<String> offsets) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String offset : offsets) {
            if (!s.startsAt.minus(Duration.parse(offset)).isAfter(now)) {
                record(s, offset, "SKIPPED");
            }
        }
    }

    /** Whether this call recorded the reminder; false when it was recorded before (by anyone). */
    private static boolean record(Session s, String offset, String outcome) {
        return Session.getEntityManager()
                        .createNativeQuery("insert into session_reminder (session_id, reminder, starts_at, tenant, "
                                + "outcome, recorded_at) values (?1, ?2, ?3, ?4, ?5, now()) on conflict do nothing")
                        .setParameter(1, s.id)
                        .setParameter(2, offset)
                        .setParameter(3, s.startsAt)
                        .setParameter(4, s.tenant)
                        .setParameter(5, outcome)
                        .executeUpdate()
                == 1;
    }

    /** The rule for a session's reminders: positive, at most 30 days, distinct, at most five. */
    static List<DomainException.FieldError> check(List<String> reminders) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (reminders.size() > MOST) {
            errors.add(new DomainException.FieldError("reminders", "at most " + MOST + " reminders"));
        }
        Set<Duration> seen = new LinkedHashSet<>();
        for (int i = 0; i < reminders.size(); i++) {
            String field = "reminders[" + i + "]";
            Duration d;
            try {
                d = Duration.parse(String.valueOf(reminders.get(i)).strip());
            } catch (DateTimeParseException e) {
                errors.add(new DomainException.FieldError(field, "not an ISO-8601 duration such as PT48H or PT2H"));
                continue;
            }
            if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
                errors.add(new DomainException.FieldError(field, "must be more than zero and at most P30D (30 days)"));
            } else if (!seen.add(d)) {
                errors.add(new DomainException.FieldError(field, "the same as an earlier reminder"));
            }
        }
        return errors;
    }

    /** Checked reminders in their one written form (P2D is PT48H), longest first. */
    static List<String> normalise(List<String> reminders) {
        return reminders.stream()
                .map(r -> Duration.parse(r.strip()))
                .distinct()
                .sorted(java.util.Comparator.reverseOrder())
                .map(Duration::toString)
                .toList();
    }
}
