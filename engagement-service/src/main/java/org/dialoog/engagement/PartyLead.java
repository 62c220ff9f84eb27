package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A party lead (trekker): a participant of a party, with an account, to whom a facilitator granted rights
 * in this engagement. The token's {@code party-lead} role says only that the user leads somewhere.
 */
@Entity
@Table(name = "party_lead")
public class PartyLead extends PanacheEntityBase {

    /** What a facilitator can grant, one step at a time. */
    public enum Right {
        /** Record the party's answer to agreements that concern it. */
        RECORD_CONSENT,
        /** Propose sessions (session-service: a PLANNED session initiated by the party). */
        PROPOSE_SESSIONS,
        /** Propose agenda items for the engagement's sessions (session-service). */
        PROPOSE_AGENDA_ITEMS,
        /** Run a scheduling poll: create it and decide it (session-service). */
        RUN_POLLS,
        /** Update the status and due date of the party's own action items (session-service). */
        UPDATE_ACTIONS,
        /**
         * Write sessions' outcomes as an author: notes, decisions, open questions and new action items (session-service;
         * another party's action items stay as they are).
         */
        RECORD_OUTCOMES
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "party_id")
    public UUID partyId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "user_id")
    public String userId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] rights;

    @Column(name = "granted_by")
    public String grantedBy;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean may(Right right) {
        for (String r : rights) {
            if (r.equals(right.name())) {
                return true;
            }
        }
        return false;
    }
}
