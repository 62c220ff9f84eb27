package org.dialoog.session.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.security.EngagementScope;
import org.dialoog.session.SchedulingPoll;
import org.jspecify.annotations.Nullable;

/** The scheduling polls the caller may see, newest first, narrowed by engagement and status, one page at a time. */
@ApplicationScoped
public class PollSearch {

    public Paging.Page<SchedulingPoll> find(
            EngagementScope scope,
            @Nullable UUID engagementId,
            SchedulingPoll.@Nullable Status status,
            int page,
            int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params);
        if (engagementId != null) {
            where.add("engagementId = :engagementId");
            params.put("engagementId", engagementId);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        var q = SchedulingPoll.<SchedulingPoll>find(
                String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.descending("createdAt", "id"),
                params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }
}
