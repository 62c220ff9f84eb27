package org.dialoog.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.dialoog.feedback.service.ResultsPublication;
import org.dialoog.feedback.store.AnswerCounts;
import org.jboss.logging.Logger;

/**
 * Sends FeedbackResultsUpdated for rounds whose responses changed, at most once per interval per
 * round: a room of hundreds answering at once becomes a few events, not hundreds.
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
