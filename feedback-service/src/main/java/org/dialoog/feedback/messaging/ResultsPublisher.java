package org.dialoog.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.dialoog.feedback.service.ResultsPublication;
import org.dialoog.feedback.store.AnswerCounts;
import org.jboss.logging.Logger;

/**
 * Sends FeedbackResultsUpdated for rounds whose responses changed, at most once per interval per
 * round: a room of hundreds answering at once becomes a few events, not hundreds.
 *
 * <p>Every replica runs this job, and each change is still published once: {@code
 * ResultsService.publishIfChanged} locks the round's row ({@code select … for update}) and compares the
 * responses with the published count again under that lock, in the same transaction that writes the
 * event to the outbox and the new count. A replica that runs at the same moment waits for the lock
 * and then finds nothing new ({@code ResultsPublisherTest}). No advisory lock is needed; running
 * everywhere costs one scan of the counters per replica and interval.
 */
@ApplicationScoped
public class ResultsPublisher {

    private static final Logger LOG = Logger.getLogger(ResultsPublisher.class);

    private final ResultsPublication publication;

    ResultsPublisher(ResultsPublication publication) {
        this.publication = publication;
    }

    @Scheduled(
            every = "${dialoog.feedback.results-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishChanged() {
        for (AnswerCounts.TenantRound round : publication.changed()) {
            try {
                publication.publishFor(round.tenant(), round.roundId());
            } catch (RuntimeException e) {
                // another replica or a close got there first; the next run looks again
                LOG.debugf(e, "Results of round %s not published this time", round.roundId());
            }
        }
    }
}
