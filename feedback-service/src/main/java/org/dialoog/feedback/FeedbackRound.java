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

/** A questionnaire opened to an audience of an engagement (or of one session) for a period. */
@Entity
@Table(name = "feedback_round")
public class FeedbackRound extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "questionnaire_id")
    public UUID questionnaireId;

    public String audience;

    @Column(name = "opens_at")
    public OffsetDateTime opensAt;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** The k of k-anonymity for this round, fixed when it opens. */
    @Column(name = "min_group_size")
    public int minGroupSize;

    /** Opened by a SessionCompleted event rather than by a person. */
    public boolean automatic;

    /** When FeedbackResultsUpdated last went out, and how many responses it counted. */
    @Column(name = "results_published_at")
    public OffsetDateTime resultsPublishedAt;

    @Column(name = "published_responses")
    public long publishedResponses;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
