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

/** One status or phase change of an engagement. */
@Entity
@Table(name = "engagement_history")
public class EngagementHistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    /** STATUS or PHASE. */
    public String kind;

    /** Null for the first entry: a new engagement came from nowhere. */
    @Column(name = "from_value")
    public @Nullable String fromValue;

    @Column(name = "to_value")
    public String toValue;

    public @Nullable String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
