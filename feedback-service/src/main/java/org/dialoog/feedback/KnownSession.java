package org.dialoog.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A session as its events tell it; a completed one can open its evaluation round. */
@Entity
@Table(name = "known_session")
public class KnownSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    public String type;

    public String status;

    /** As session-service names it (not personal data), for the mails of its rounds; null for sessions known from before. */
    public @Nullable String title;

    @Column(name = "starts_at")
    public @Nullable OffsetDateTime startsAt;

    @Column(name = "completed_at")
    public @Nullable OffsetDateTime completedAt;
}
