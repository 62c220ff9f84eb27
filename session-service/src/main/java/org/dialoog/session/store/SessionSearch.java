package org.dialoog.session.store;

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
import org.dialoog.session.Session;
import org.dialoog.session.SessionFilter;

/** The session list: what the caller may see, narrowed by a filter, earliest first, one page at a time. */
@ApplicationScoped
public class SessionSearch {

    public Paging.Page<Session> find(EngagementScope scope, SessionFilter f, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params);
        if (f.engagementId() != null) {
            where.add("engagementId = :engagementId");
            params.put("engagementId", f.engagementId());
        }
        if (f.from() != null) {
            where.add("endsAt > :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("startsAt < :to");
            params.put("to", f.to());
        }
        if (f.type() != null) {
            where.add("type = :type");
            params.put("type", f.type());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status());
        }
        if (f.facilitator() != null) {
            where.add("array_contains(facilitators, :facilitator)");
            params.put("facilitator", f.facilitator());
        }
        UpdatedSince.restrict(where, params, f.updatedSince());
        var q = Session.<Session>find(
                String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("startsAt", "id"),
                params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }
}
