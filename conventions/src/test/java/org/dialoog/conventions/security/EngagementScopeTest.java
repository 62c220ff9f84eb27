package org.dialoog.conventions.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JPQL condition each kind of caller's lists get (no Quarkus: the condition is plain text). */
class EngagementScopeTest {

    private static final String LED = "select l.engagementId from KnownPartyLead l where l.userId = :me";

    @Test
    void theTenantScopeAddsNothing() {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        EngagementScope.TENANT.withLeadEngagements(LED).restrict(where, params);
        assertThat(where).isEmpty();
        assertThat(params).isEmpty();
    }

    @Test
    void aFacilitatorReachesTheEngagementsNamingThem() {
        assertThat(restricted(new EngagementScope("u1", true, false, false, null)))
                .containsExactly(
                        "engagementId in (select k.id from KnownEngagement k where array_contains(k.facilitators, :me))");
    }

    @Test
    void bothNamedRolesShareOneSubquery() {
        assertThat(restricted(new EngagementScope("u1", true, true, false, null)))
                .containsExactly("engagementId in (select k.id from KnownEngagement k where "
                        + "array_contains(k.facilitators, :me) or array_contains(k.clientContacts, :me))");
    }

    @Test
    void aPartyLeadReachesNothingWhereTheServiceDoesNotKnowLeads() {
        assertThat(restricted(new EngagementScope("u1", false, false, true, null)))
                .containsExactly("1 = 0");
    }

    @Test
    void aPartyLeadReachesTheEngagementsTheyLeadIn() {
        var scope = new EngagementScope("u1", false, false, true, null).withLeadEngagements(LED);
        assertThat(restricted(scope)).containsExactly("engagementId in (" + LED + ")");
    }

    @Test
    void aFacilitatorWhoAlsoLeadsReachesBoth() {
        var scope = new EngagementScope("u1", true, false, true, null).withLeadEngagements(LED);
        assertThat(restricted(scope))
                .containsExactly("(engagementId in (select k.id from KnownEngagement k where "
                        + "array_contains(k.facilitators, :me)) or engagementId in (" + LED + "))");
    }

    @Test
    void leadEngagementsGiveNothingToACallerWithoutThePartyLeadRole() {
        var scope = new EngagementScope("u1", false, true, false, null).withLeadEngagements(LED);
        assertThat(restricted(scope))
                .containsExactly("engagementId in (select k.id from KnownEngagement k where "
                        + "array_contains(k.clientContacts, :me))");
    }

    private static List<String> restricted(EngagementScope scope) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope.restrict(where, params);
        if (!where.equals(List.of("1 = 0"))) {
            assertThat(params).containsEntry("me", "u1");
        }
        return where;
    }
}
