package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.engagement.SessionHeld;
import org.dialoog.engagement.SessionHeldParty;
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
}
