package org.dialoog.session.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.dialoog.session.service.Reminders;
import org.dialoog.session.store.DueReminders;
import org.jboss.logging.Logger;

/**
 * Sends the reminders whose moment came. Every replica runs this job; each reminder still goes out
 * once, because {@link Reminders#remind} records it under the session's row lock in the transaction
 * that decides its messages (ReminderJobTest races several jobs).
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);
    private static final int BATCH = 200;

    private final Reminders reminders;

    ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(
            identity = "session-reminders",
            every = "${dialoog.reminders.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        for (DueReminders.Due due : reminders.due(BATCH)) {
            try {
                reminders.remind(due.tenant(), due.sessionId());
            } catch (RuntimeException e) {
                // the session changed under us or the database was away; the next run looks again
                LOG.debugf(e, "Reminders of session %s not sent this time", due.sessionId());
            }
        }
    }
}
