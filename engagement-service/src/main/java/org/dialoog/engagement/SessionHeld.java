package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A session of an engagement that took place, as SessionCompleted tells it. */
@Entity
@Table(name = "session_held")
public class SessionHeld extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** When it started (null for sessions completed before issue #19 stored it). */
    @Column(name = "starts_at")
    public @Nullable OffsetDateTime startsAt;
}
