package org.dialoog.engagement;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** An action item of a session's outcome, as session-service last announced it: owner party, due date, status. */
@Entity
@Table(name = "action_item_seen")
public class ActionItemSeen extends PanacheEntityBase {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "owner_party_id")
    public UUID ownerPartyId;

    @Column(name = "due_date")
    public @Nullable LocalDate dueDate;

    /** OPEN, DONE or DROPPED. */
    public String status;
}
