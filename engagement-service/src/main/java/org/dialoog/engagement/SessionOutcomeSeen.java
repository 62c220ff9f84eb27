package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** The latest version of a session's outcome that session-service announced: counts only, no texts. */
@Entity
@Table(name = "session_outcome_seen")
public class SessionOutcomeSeen extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "outcome_version")
    public int outcomeVersion;

    public int decisions;

    @Column(name = "open_questions")
    public int openQuestions;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
