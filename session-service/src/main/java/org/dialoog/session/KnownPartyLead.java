package org.dialoog.session;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A party lead's grant, as engagement-service's party-lead events tell it: which user leads which party of which
 * engagement, with which rights (none once revoked).
 */
@Entity
@Table(name = "known_party_lead")
public class KnownPartyLead extends PanacheEntityBase {

    /** The rights session-service enforces (engagement-service's {@code PartyLead.Right}). */
    public enum Right {
        PROPOSE_SESSIONS,
        PROPOSE_AGENDA_ITEMS,
        RUN_POLLS,
        UPDATE_ACTIONS,
        RECORD_OUTCOMES
    }

    /**
     * JPQL: the engagements in which the user {@code :me} holds a grant with at least one right (for
     * {@code EngagementScope.withLeadEngagements}).
     */
    public static final String ENGAGEMENTS_LED =
            "select l.engagementId from KnownPartyLead l where l.userId = :me and array_length(l.rights) > 0";

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "party_id")
    public UUID partyId;

    @Column(name = "user_id")
    public String userId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] rights;

    public boolean may(Right right) {
        for (String r : rights) {
            if (r.equals(right.name())) {
                return true;
            }
        }
        return false;
    }

    /** The user's grant in the engagement that still holds a right, or null. */
    public static @Nullable KnownPartyLead of(UUID engagementId, String userId) {
        KnownPartyLead l =
                find("engagementId = ?1 and userId = ?2", engagementId, userId).firstResult();
        return l == null || l.rights.length == 0 ? null : l;
    }
}
