package org.dialoog.feedback.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.feedback.FeedbackRound;
import org.jspecify.annotations.Nullable;

/** The rounds a caller may see, filtered, newest first: the one query over rounds that is more than a finder. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoundSearch {

    /**
     * Whose rounds a caller sees: the whole tenant's, or those of the engagements they facilitate,
     * are client contact of, or either (a caller with both roles gets both).
     */
    public enum Reach {
        TENANT,
        FACILITATED,
        CONTACT
    }

    public Paging.Page<FeedbackRound> page(
            Set<Reach> reach,
            String userId,
            @Nullable UUID engagementId,
            @Nullable UUID sessionId,
            int page,
            int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!reach.contains(Reach.TENANT)) {
            List<String> named = new ArrayList<>();
            if (reach.contains(Reach.FACILITATED)) {
                named.add("array_contains(k.facilitators, :me)");
            }
            if (reach.contains(Reach.CONTACT)) {
                named.add("array_contains(k.clientContacts, :me)");
            }
            if (named.isEmpty()) {
                where.add("1 = 0");
            } else {
                where.add("engagementId in (select k.id from KnownEngagement k where " + String.join(" or ", named)
                        + ")");
                params.put("me", userId);
            }
        }
        if (engagementId != null) {
            where.add("engagementId = :engagementId");
            params.put("engagementId", engagementId);
        }
        if (sessionId != null) {
            where.add("sessionId = :sessionId");
            params.put("sessionId", sessionId);
        }
        var q = FeedbackRound.<FeedbackRound>find(
                where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.descending("createdAt").and("id"),
                params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }
}
