package org.dialoog.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** An action item of a session outcome: what is to be done, which party owns it, by when, and where it stands. */
@Entity
@Table(name = "outcome_action")
public class OutcomeAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "engagement_id")
    public UUID engagementId;

    /** Its place in the record, from 0. */
    public int position;

    public String what;

    @Column(name = "owner_party_id")
    public UUID ownerPartyId;

    @Column(name = "due_date")
    public @Nullable LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    /** Who initiated it: null for a facilitator or admin, else the party whose lead did. */
    @Column(name = "initiated_by_party_id")
    public @org.jspecify.annotations.Nullable UUID initiatedByPartyId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Overdue on {@code today}: still OPEN and its due date has passed (a due date of today is not overdue yet). */
    public boolean isOverdue(LocalDate today) {
        return status == ActionStatus.OPEN && dueDate != null && dueDate.isBefore(today);
    }
}
