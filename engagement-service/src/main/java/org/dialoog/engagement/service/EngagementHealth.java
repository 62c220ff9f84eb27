package org.dialoog.engagement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.engagement.ActionItemSeen;
import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.FeedbackResult;
import org.dialoog.engagement.SessionHeld;
import org.dialoog.engagement.SessionOutcomeSeen;
import org.dialoog.engagement.store.VisibleEngagements;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An engagement's health at a glance: per feedback dimension the latest value and the trend over
 * its rounds, and how many sessions were held — built from feedback-service's k-anonymous
 * results and session-service's completed sessions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementHealth {

    private final VisibleEngagements engagements;

    EngagementHealth(VisibleEngagements engagements) {
        this.engagements = engagements;
    }

    /** The health of one engagement. */
    public record Health(
            UUID engagementId,
            long sessionsHeld,
            long feedbackRounds,
            long responses,
            @Schema(nullable = true) @Nullable OffsetDateTime lastUpdatedAt,
            List<HealthTrend.Dimension> dimensions,

            @Schema(
                    description =
                            "The engagement's agreements by state: what the parties carry, and what waits for them")
            Agreements agreements,

            @Schema(description = "What the sessions' outcomes hold: decisions and action items, with the overdue ones")
            Outcomes outcomes) {}

    /** From session-service's session-outcome-recorded: the latest version of every session's record. */
    public record Outcomes(
            @Schema(description = "Sessions with a recorded outcome")
            long sessions,

            long decisions,
            long openQuestions,
            @Schema(description = "Action items still OPEN") long openActions,

            @Schema(description = "OPEN action items whose due date is before today (UTC)")
            long overdueActions,

            long doneActions,
            long droppedActions) {}

    /** Agreements by state (ADR 0010). */
    public record Agreements(
            @Schema(description = "Every concerned party consented")
            long carried,

            @Schema(description = "Waiting for answers (or an abstention keeps it from being carried)")
            long pending,

            @Schema(description = "Objected to: waiting for an amendment")
            long objected,

            @Schema(description = "Withdrawn by a facilitator")
            long withdrawn) {}

    public Health of(UUID engagementId) {
        Engagement e =
                engagements.find(engagementId).orElseThrow(() -> DomainException.notFound("Engagement", engagementId));
        // oldest first: a trend is read in the order the rounds started
        List<FeedbackResult> rounds =
                FeedbackResult.list("engagementId", Sort.ascending("roundStartedAt", "roundId"), e.id);
        OffsetDateTime updated = null;
        long responses = 0;
        for (FeedbackResult r : rounds) {
            responses += r.responses;
            updated = updated == null || r.updatedAt.isAfter(updated) ? r.updatedAt : updated;
        }
        return new Health(
                e.id,
                SessionHeld.count("engagementId", e.id),
                rounds.size(),
                responses,
                updated,
                HealthTrend.of(rounds),
                agreements(e.id),
                outcomes(e.id));
    }

    private static Agreements agreements(UUID engagementId) {
        Map<Agreement.State, Long> counts = new EnumMap<>(Agreement.State.class);
        for (Object[] row : Agreement.getEntityManager()
                .createQuery(
                        "select a.state, count(a) from Agreement a where a.engagementId = ?1 group by a.state",
                        Object[].class)
                .setParameter(1, engagementId)
                .getResultList()) {
            counts.put((Agreement.State) row[0], (Long) row[1]);
        }
        return new Agreements(
                counts.getOrDefault(Agreement.State.CARRIED, 0L),
                counts.getOrDefault(Agreement.State.PENDING, 0L),
                counts.getOrDefault(Agreement.State.OBJECTED, 0L),
                counts.getOrDefault(Agreement.State.WITHDRAWN, 0L));
    }

    private static Outcomes outcomes(UUID engagementId) {
        long sessions = 0;
        long decisions = 0;
        long questions = 0;
        for (SessionOutcomeSeen o : SessionOutcomeSeen.<SessionOutcomeSeen>list("engagementId", engagementId)) {
            sessions++;
            decisions += o.decisions;
            questions += o.openQuestions;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Outcomes(
                sessions,
                decisions,
                questions,
                ActionItemSeen.count("engagementId = ?1 and status = 'OPEN'", engagementId),
                ActionItemSeen.count("engagementId = ?1 and status = 'OPEN' and dueDate < ?2", engagementId, today),
                ActionItemSeen.count("engagementId = ?1 and status = 'DONE'", engagementId),
                ActionItemSeen.count("engagementId = ?1 and status = 'DROPPED'", engagementId));
    }
}
