package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.List;
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

/** The latest k-anonymous results of one feedback round, as FeedbackResultsUpdated tells them. */
@Entity
@Table(name = "feedback_result")
public class FeedbackResult extends PanacheEntityBase {

    /** One dimension's value in a round, on a 0–100 scale. */
    public record DimensionValue(
            String dimension,
            long answers,
            @Nullable Double mean,
            @Nullable Double ci95Low,
            @Nullable Double ci95High) {}

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    /** Null for a round outside a session (a trust pulse). */
    @Column(name = "session_id")
    public @Nullable UUID sessionId;

    @Column(name = "round_started_at")
    public OffsetDateTime roundStartedAt;

    public boolean closed;

    public long responses;

    /** Fewer responses than the round's minimum group size: only the count is known. */
    public boolean withheld;

    @JdbcTypeCode(SqlTypes.JSON)
    public @Nullable List<DimensionValue> dimensions;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
