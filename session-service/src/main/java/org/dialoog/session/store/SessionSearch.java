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
     * {@code userId} as facilitator ({@code KnownEngagement.facilitators}) or as client contact
     * ({@code clientContacts}), as far as the caller holds that role.
     */
    public record Scope(@Nullable String userId, boolean asFacilitator, boolean asClientContact) {

        /** Every session of the caller's tenant. */
        public static final Scope TENANT = new Scope(null, false, false);

        public static Scope naming(String userId, boolean asFacilitator, boolean asClientContact) {
            return new Scope(userId, asFacilitator, asClientContact);
        }
    }

    public Paging.Page<Session> find(Scope scope, SessionFilter f, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        String me = scope.userId();
        if (me != null) {
            List<String> named = new ArrayList<>();
            if (scope.asFacilitator()) {
                named.add("array_contains(k.facilitators, :me)");
            }
            if (scope.asClientContact()) {
                named.add("array_contains(k.clientContacts, :me)");
            }
            if (named.isEmpty()) {
                where.add("1 = 0");
            } else {
                where.add("engagementId in (select k.id from KnownEngagement k where " + String.join(" or ", named)
                        + ")");
                params.put("me", me);
            }
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
