package org.dialoog.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** A facilitator's feedback settings for one engagement. */
@Entity
@Table(name = "engagement_settings")
public class EngagementSettings extends PanacheEntityBase {

    public static final int DEFAULT_MIN_GROUP_SIZE = 5;

    @Id
    @Column(name = "engagement_id")
    public UUID engagementId;

    @TenantId
    public String tenant;

    /** Open a session-evaluation round for the attendees whenever a session of this engagement completes. */
    @Column(name = "auto_session_evaluation")
    public boolean autoSessionEvaluation;

    /** Smallest group whose answers are shown on their own (k-anonymity). */
    @Column(name = "min_group_size")
    public int minGroupSize;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
