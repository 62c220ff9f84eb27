package org.dialoog.engagement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.engagement.ActionItemSeen;
import org.dialoog.engagement.SessionHeld;
import org.dialoog.engagement.SessionHeldParty;
import org.dialoog.engagement.SessionOutcomeSeen;
import org.jspecify.annotations.Nullable;

/** Applies session-service's completed sessions to engagement-service's count of sessions held, for the health view. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionReadModel {

    /**
     * Counts a session once, however often its completion is announced, with how many people of each party
     * were present (the bridges between parties); {@code startsAt} may be null in events of older producers.
     */
    public void sessionCompleted(
            UUID sessionId,
            UUID engagementId,
            OffsetDateTime completedAt,
            @Nullable OffsetDateTime startsAt,
            Map<UUID, Integer> attendeesPerParty) {
        if (SessionHeld.findById(sessionId) != null) {
            return;
        }
        SessionHeld held = new SessionHeld();
        held.sessionId = sessionId;
        held.engagementId = engagementId;
        held.completedAt = completedAt;
        held.startsAt = startsAt;
        held.persist();
        attendeesPerParty.forEach((party, count) -> {
            SessionHeldParty row = new SessionHeldParty();
            row.id = UUID.randomUUID();
            row.sessionId = sessionId;
            row.partyId = party;
            row.attendees = count;
            row.persist();
        });
    }

    /** One action item of an announced outcome. */
    public record ActionItem(
            UUID actionId, UUID ownerPartyId, @Nullable LocalDate dueDate, String status) {}

    /**
     * Keeps the latest announced version of a session's outcome: an older or repeated version changes nothing;
     * a newer one replaces the counts and the whole list of action items (an action missing from it was removed).
     */
    public void outcomeRecorded(
            UUID sessionId,
            UUID engagementId,
            int version,
            int decisions,
            int openQuestions,
            OffsetDateTime recordedAt,
            List<ActionItem> actions) {
        SessionOutcomeSeen seen = SessionOutcomeSeen.findById(sessionId);
        if (seen != null && seen.outcomeVersion >= version) {
            return;
        }
        if (seen == null) {
            seen = new SessionOutcomeSeen();
            seen.sessionId = sessionId;
            seen.engagementId = engagementId;
        }
        seen.outcomeVersion = version;
        seen.decisions = decisions;
        seen.openQuestions = openQuestions;
        seen.recordedAt = recordedAt;
        seen.persist();
        ActionItemSeen.delete("sessionId", sessionId);
        ActionItemSeen.flush();
        for (ActionItem a : actions) {
            ActionItemSeen item = new ActionItemSeen();
            item.actionId = a.actionId();
            item.engagementId = engagementId;
            item.sessionId = sessionId;
            item.ownerPartyId = a.ownerPartyId();
            item.dueDate = a.dueDate();
            item.status = a.status();
            item.persist();
        }
    }
}
