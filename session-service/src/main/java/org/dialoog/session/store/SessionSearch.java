package org.dialoog.session.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.session.Session;
import org.dialoog.session.SessionFilter;
import org.jspecify.annotations.Nullable;

/** The session list: what the caller may see, narrowed by a filter, earliest first, one page at a time. */
@ApplicationScoped
public class SessionSearch {

    /**
     * Whose sessions a caller may list: the whole tenant's, or those of the engagements that name
     * {@code userId} in one of their lists ({@code KnownEngagement.facilitators} or {@code clientContacts}).
     */
    public record Scope(
            @Nullable String engagementList, @Nullable String userId) {

        /** Every session of the caller's tenant. */
        public static final Scope TENANT = new Scope(null, null);

        public static Scope facilitatedBy(String userId) {
            return new Scope("facilitators", userId);
        }

        public static Scope withClientContact(String userId) {
            return new Scope("clientContacts", userId);
        }
    }

    public Paging.Page<Session> find(Scope scope, SessionFilter f, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (scope.engagementList() != null) {
            where.add("engagementId in (select k.id from KnownEngagement k where array_contains(k."
                    + scope.engagementList() + ", :me))");
            params.put("me", scope.userId());
        }
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
        var q = Session.<Session>find(
                String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("startsAt", "id"),
                params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }
}
