package org.dialoog.session.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.OutcomeAction;
import org.dialoog.session.SessionOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The payload of a session outcome's event: ids, counts, dates and states only. The outcome's texts
 * (notes, decisions, questions, what an action is) may name people, so they never leave the service.
 */
public final class OutcomeEvents {

    private OutcomeEvents() {}

    /** A session's outcome was written: a new version, with its actions as they now stand. */
    public record Recorded(
            UUID sessionId,
            UUID engagementId,
            String tenant,
            long outcomeVersion,
            int decisions,
            int openQuestions,
            List<Action> actions,
            OffsetDateTime recordedAt) {

        public static Recorded of(SessionOutcome o, List<OutcomeAction> actions) {
            return new Recorded(
                    o.sessionId,
                    o.engagementId,
                    o.tenant,
                    o.version,
                    o.decisions.size(),
                    o.openQuestions.size(),
                    actions.stream()
                            .map(a ->
                                    new Action(a.id, a.ownerPartyId, a.dueDate, a.status.name(), a.initiatedByPartyId))
                            .toList(),
                    o.updatedAt);
        }
    }

    /** One action item: who owns it, by when, where it stands. */
    public record Action(
            UUID actionId,
            UUID ownerPartyId,
            @Nullable LocalDate dueDate,
            String status,
            @Nullable UUID initiatedByPartyId) {}
}
