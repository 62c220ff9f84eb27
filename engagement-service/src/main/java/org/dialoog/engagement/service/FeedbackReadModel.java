package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.engagement.FeedbackResult;
import org.dialoog.engagement.FeedbackRoundSeen;
import org.jspecify.annotations.Nullable;

/** Applies feedback-service's facts about an engagement's rounds to engagement-service's copy of them, for the health view. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FeedbackReadModel {

    /** A round's latest k-anonymous results, as FeedbackResultsUpdated tells them. */
    public record RoundResults(
            UUID roundId,
            UUID engagementId,
            @Nullable UUID sessionId,
            OffsetDateTime roundStartedAt,
            boolean closed,
            long responses,
            boolean withheld,
            List<FeedbackResult.DimensionValue> dimensions) {}

    /** Keeps a round once, however often it is announced. */
    public void roundOpened(UUID roundId, UUID engagementId, @Nullable UUID sessionId, String audience) {
        if (FeedbackRoundSeen.findById(roundId) != null) {
            return;
        }
        FeedbackRoundSeen round = new FeedbackRoundSeen();
        round.roundId = roundId;
        round.engagementId = engagementId;
        round.sessionId = sessionId;
        round.audience = audience;
        round.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
        round.persist();
    }

    /** Keeps the newest results of the round; events of one engagement arrive in order. */
    public void resultsUpdated(RoundResults results) {
        FeedbackResult r = FeedbackResult.findById(results.roundId());
        boolean isNew = r == null;
        if (isNew) {
            r = new FeedbackResult();
            r.roundId = results.roundId();
        }
        r.engagementId = results.engagementId();
        r.sessionId = results.sessionId();
        r.roundStartedAt = results.roundStartedAt();
        r.closed = results.closed();
        r.responses = results.responses();
        r.withheld = results.withheld();
        r.dimensions = results.dimensions();
        r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (isNew) {
            r.persist();
        }
    }
}
