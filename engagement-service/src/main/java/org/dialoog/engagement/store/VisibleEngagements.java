package org.dialoog.engagement.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.UpdatedSince;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.EngagementQuery;

/**
 * Engagements the caller may see. The tenant is added by Hibernate to every query; this adds
 * the role rule: facilitators see what they facilitate, clients what they are a contact of, party leads
 * where a facilitator granted them rights.
 */
@ApplicationScoped
public class VisibleEngagements {

    private final Caller caller;

    VisibleEngagements(Caller caller) {
        this.caller = caller;
    }

    public Optional<Engagement> find(UUID id) {
        List<String> where = new ArrayList<>(List.of("id = :id"));
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        restrictToCaller(where, params);
        return Engagement.<Engagement>find(String.join(" and ", where), params).firstResultOptional();
    }

    public PanacheQuery<Engagement> search(EngagementQuery q) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> params = new HashMap<>();
        restrictToCaller(where, params);
        if (q.status() != null) {
            where.add("status = :status");
            params.put("status", q.status());
        }
        if (q.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.phase() != null) {
            where.add("phase = :phase");
            params.put("phase", q.phase());
        }
        if (q.objective() != null) {
            where.add("array_contains(objectives, :objective)");
            params.put("objective", q.objective().name());
        }
        if (q.facilitator() != null) {
            where.add("array_contains(facilitators, :facilitator)");
            params.put("facilitator", q.facilitator());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add(
                    "(lower(title) like :text or lower(reference) like :text or lower(clientOrganisation) like :text)");
            params.put(
                    "text",
                    "%"
                            + q.text()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        UpdatedSince.restrict(where, params, q.updatedSince());
        return Engagement.find(String.join(" and ", where), sort(q.sort()), params);
    }

    private void restrictToCaller(List<String> where, Map<String, Object> params) {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.INTEGRATION)) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (caller.is(Caller.FACILITATOR)) {
            any.add("array_contains(facilitators, :me)");
        }
        if (caller.is(Caller.CLIENT)) {
            any.add("array_contains(clientContacts, :me)");
        }
        if (caller.is(Caller.PARTY_LEAD)) {
            any.add("id in (select l.engagementId from PartyLead l where l.userId = :me)");
        }
        if (any.isEmpty()) {
            any.add("1 = 0");
        }
        where.add("(" + String.join(" or ", any) + ")");
        params.put("me", caller.userId());
    }

    private static Sort sort(String sort) {
        if (sort == null) {
            return Sort.descending("createdAt").and("id");
        }
        return switch (sort) {
            case "createdAt" -> Sort.ascending("createdAt").and("id");
            case "title" -> Sort.ascending("title").and("id");
            case "-title" -> Sort.descending("title").and("id");
            case "startDate" -> Sort.ascending("startDate").and("id");
            case "-startDate" -> Sort.descending("startDate").and("id");
            default -> Sort.descending("createdAt").and("id");
        };
    }
}
