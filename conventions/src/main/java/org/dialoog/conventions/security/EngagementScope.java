package org.dialoog.conventions.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Whose engagements a caller's lists reach: the whole tenant (admins, integrations), or the
 * engagements that name the caller as facilitator or as client contact, as far as the caller holds
 * that role (both roles: both), and the engagements the caller leads a party in, where the service
 * knows party leads ({@link #withLeadEngagements}). A service that lists by engagement keeps a
 * {@code KnownEngagement} read model with {@code facilitators} and {@code clientContacts};
 * {@link #restrict} says it in JPQL.
 */
public record EngagementScope(
        @Nullable String userId,
        boolean asFacilitator,
        boolean asClientContact,
        boolean asPartyLead,
        @Nullable String leadEngagements) {

    /** Every engagement of the caller's tenant. */
    public static final EngagementScope TENANT = new EngagementScope(null, false, false, false, null);

    /** The scope of this caller's lists. */
    public static EngagementScope of(Caller caller) {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.INTEGRATION)) {
            return TENANT;
        }
        return new EngagementScope(
                caller.userId(),
                caller.is(Caller.FACILITATOR),
                caller.is(Caller.CLIENT),
                caller.is(Caller.PARTY_LEAD),
                null);
    }

    /**
     * This scope in a service that knows party leads: {@code jpql} selects the ids of the engagements in
     * which the user {@code :me} holds a party-lead grant (with at least one right). Without it a party lead's
     * lists are empty.
     */
    public EngagementScope withLeadEngagements(String jpql) {
        return new EngagementScope(userId, asFacilitator, asClientContact, asPartyLead, jpql);
    }

    /** Adds to a JPQL {@code where} list the condition on {@code engagementId} that keeps a list in this scope. */
    public void restrict(List<String> where, Map<String, Object> params) {
        if (userId == null) {
            return;
        }
        List<String> named = new ArrayList<>();
        if (asFacilitator) {
            named.add("array_contains(k.facilitators, :me)");
        }
        if (asClientContact) {
            named.add("array_contains(k.clientContacts, :me)");
        }
        List<String> reach = new ArrayList<>();
        if (!named.isEmpty()) {
            reach.add("engagementId in (select k.id from KnownEngagement k where " + String.join(" or ", named) + ")");
        }
        if (asPartyLead && leadEngagements != null) {
            reach.add("engagementId in (" + leadEngagements + ")");
        }
        if (reach.isEmpty()) {
            where.add("1 = 0");
        } else {
            where.add(reach.size() == 1 ? reach.get(0) : "(" + String.join(" or ", reach) + ")");
            params.put("me", userId);
        }
    }
}
