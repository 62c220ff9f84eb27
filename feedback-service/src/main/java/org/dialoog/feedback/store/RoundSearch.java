package org.dialoog.feedback.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.security.EngagementScope;
import org.dialoog.feedback.FeedbackRound;
import org.jspecify.annotations.Nullable;

/** The rounds a caller may see, filtered, newest first: the one query over rounds that is more than a finder. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoundSearch {

    public Paging.Page<FeedbackRound> page(
            EngagementScope scope, @Nullable UUID engagementId, @Nullable UUID sessionId, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params);
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
