package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** Candidate time slots for a session, and the parties whose availability decides between them. */
@Entity
@Table(name = "scheduling_poll")
public class SchedulingPoll extends PanacheEntityBase {

    /** A poll is open for votes until a slot is chosen (DECIDED) or it is closed without a decision (CLOSED). */
    public enum Status {
        OPEN,
        DECIDED,
        CLOSED
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    public String title;

    @Column(name = "party_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] partyIds;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "decided_slot")
    public UUID decidedSlot;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** When it was closed without a decision; null otherwise. */
    @Column(name = "closed_at")
    public @org.jspecify.annotations.Nullable OffsetDateTime closedAt;

    @Version
    public long version;
}
