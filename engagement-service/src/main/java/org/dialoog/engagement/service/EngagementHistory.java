package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.EngagementHistoryEntry;
import org.jspecify.annotations.Nullable;

/** Keeps every status and phase change of an engagement, with who made it and why. */
@ApplicationScoped
public class EngagementHistory {

    private final Caller caller;

    EngagementHistory(Caller caller) {
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(Engagement e, String kind, @Nullable String from, String to, @Nullable String reason) {
        EngagementHistoryEntry h = new EngagementHistoryEntry();
        h.id = UUID.randomUUID();
        h.engagementId = e.id;
        h.kind = kind;
        h.fromValue = from;
        h.toValue = to;
        h.reason = reason;
        h.changedBy = caller.userId();
        h.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        h.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EngagementHistoryEntry> of(UUID engagementId) {
        return EngagementHistoryEntry.list("engagementId = ?1 order by changedAt, id", engagementId);
    }
}
