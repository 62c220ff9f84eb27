package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.engagement.SessionHeld;

/** Applies session-service's completed sessions to engagement-service's count of sessions held, for the health view. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionReadModel {

    /** Counts a session once, however often its completion is announced. */
    public void sessionCompleted(UUID sessionId, UUID engagementId, OffsetDateTime completedAt) {
        if (SessionHeld.findById(sessionId) != null) {
            return;
        }
        SessionHeld held = new SessionHeld();
        held.sessionId = sessionId;
        held.engagementId = engagementId;
        held.completedAt = completedAt;
        held.persist();
    }
}
