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

/** A feedback round of an engagement as engagement-service knows it from feedback events, for its health view. */
@Entity
@Table(name = "feedback_round_seen")
public class FeedbackRoundSeen extends PanacheEntityBase {

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

    public String audience;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
}
