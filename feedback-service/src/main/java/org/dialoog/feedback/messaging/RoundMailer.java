package org.dialoog.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.dialoog.feedback.service.RoundMailingSteps;
import org.dialoog.feedback.store.DueMailings;
import org.jboss.logging.Logger;

/**
 * Mails the rounds that opened since (opensAt reached, or an ATTENDEES round whose session's
 * attendance arrived) and sends the automatic reminder before closesAt, if configured. Rounds that
 * open at once are mailed in the transaction that opens them; this job only catches up.
 *
 * <p>Every replica runs it, and each round is still mailed (and reminded) once: the step locks the
 * round's row, checks {@code mailed_at} (or {@code auto_reminded_at}) again under the lock and sets
 * it in the transaction that issues the tokens and decides the messages; a replica running at the
 * same moment waits and then finds the round done ({@code RoundMailerTest}).
 */
@ApplicationScoped
public class RoundMailer {

    private static final Logger LOG = Logger.getLogger(RoundMailer.class);

    private final RoundMailingSteps steps;

    RoundMailer(RoundMailingSteps steps) {
        this.steps = steps;
    }

    @Scheduled(
            every = "${dialoog.feedback.mail.interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void mailDue() {
        for (DueMailings.TenantRound round : steps.toMail()) {
            try {
                int mailed = steps.mail(round.tenant(), round.roundId());
                LOG.debugf("Round %s opened: %d mailed", round.roundId(), mailed);
            } catch (RuntimeException e) {
                // the next run looks again; the round stays unmailed until a step commits
                LOG.warnf(e, "Round %s not mailed this time", round.roundId());
            }
        }
        for (DueMailings.TenantRound round : steps.toRemind()) {
            try {
                steps.remind(round.tenant(), round.roundId());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Round %s not reminded this time", round.roundId());
            }
        }
    }
}
