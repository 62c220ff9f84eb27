package org.dialoog.session.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.domain.UpdatedSince;
import org.dialoog.conventions.security.EngagementScope;
import org.dialoog.session.ActionFilter;
import org.dialoog.session.ActionStatus;
import org.dialoog.session.OutcomeAction;

/**
 * The action items of session outcomes the caller may see, narrowed by a filter: the earliest due date
 * first (those without one last), one page at a time.
 */
@ApplicationScoped
public class ActionSearch {

    public Paging.Page<OutcomeAction> find(
            EngagementScope scope, ActionFilter f, LocalDate today, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params);
        if (f.engagementId() != null) {
            where.add("engagementId = :engagementId");
            params.put("engagementId", f.engagementId());
        }
        if (f.sessionId() != null) {
            where.add("sessionId = :sessionId");
            params.put("sessionId", f.sessionId());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status());
        }
        if (f.ownerPartyId() != null) {
            where.add("ownerPartyId = :ownerPartyId");
            params.put("ownerPartyId", f.ownerPartyId());
        }
        if (f.overdue() != null) {
            // the rule of OutcomeAction.isOverdue, in JPQL
            String overdue = "(status = :open and dueDate is not null and dueDate < :today)";
            where.add(f.overdue() ? overdue : "not " + overdue);
            params.put("open", ActionStatus.OPEN);
            params.put("today", today);
        }
        UpdatedSince.restrict(where, params, f.updatedSince());
        var q = OutcomeAction.<OutcomeAction>find(
                String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.by("dueDate", Sort.NullPrecedence.NULLS_LAST)
                        .and("sessionId")
                        .and("position"),
                params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }
}
