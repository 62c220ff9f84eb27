package org.dialoog.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A questionnaire opened to an audience of an engagement (or of one session) for a period. */
@Entity
@Table(name = "feedback_round")
public class FeedbackRound extends PanacheEntityBase {

    /** Who may answer. */
    public enum Audience {
        ATTENDEES,
        PARTICIPANTS,
        PUBLIC
    }

    /** How the members of the audience get their tokens. */
    public enum Delivery {
        /** Each gets one personal token by mail when the round opens (FEEDBACK_ROUND_OPENED). */
        MAIL,
        /** The facilitator issues the tokens and hands them out. */
        MANUAL
    }

    /** What can be asked of a round. */
    public enum Action {
        ISSUE_TOKENS,
        RESPOND,
        CLOSE
    }

    /** Before opensAt, between, or after closesAt or an explicit close; each allows its own actions. */
    public enum State {
        SCHEDULED,
        OPEN,
        CLOSED;

        public boolean allows(Action action) {
            return switch (this) {
                case SCHEDULED -> action == Action.ISSUE_TOKENS || action == Action.CLOSE;
                case OPEN -> action == Action.ISSUE_TOKENS || action == Action.RESPOND || action == Action.CLOSE;
                case CLOSED -> false;
            };
        }
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "session_id")
    public @Nullable UUID sessionId;

    @Column(name = "questionnaire_id")
    public UUID questionnaireId;

    public String audience;

    @Column(name = "opens_at")
    public @Nullable OffsetDateTime opensAt;

    @Column(name = "closes_at")
    public @Nullable OffsetDateTime closesAt;

    @Column(name = "closed_at")
    public @Nullable OffsetDateTime closedAt;

    /** The k of k-anonymity for this round, fixed when it opens. */
    @Column(name = "min_group_size")
    public int minGroupSize;

    /** Opened by a SessionCompleted event rather than by a person. */
    public boolean automatic;

    /** MAIL or MANUAL ({@link Delivery}). */
    public String delivery;

    /** When the audience's tokens were mailed; null until then (a MAIL round is mailed once). */
    @Column(name = "mailed_at")
    public @Nullable OffsetDateTime mailedAt;

    /** When the last reminder went out. */
    @Column(name = "reminded_at")
    public @Nullable OffsetDateTime remindedAt;

    /** When the automatic reminder before closesAt went out; it goes out once. */
    @Column(name = "auto_reminded_at")
    public @Nullable OffsetDateTime autoRemindedAt;

    /** When FeedbackResultsUpdated last went out, and how many responses it counted. */
    @Column(name = "results_published_at")
    public @Nullable OffsetDateTime resultsPublishedAt;

    @Column(name = "published_responses")
    public long publishedResponses;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Where the round stands at {@code now}; the same test as the response statement's {@code open_round}. */
    public State state(OffsetDateTime now) {
        if (closedAt != null || (closesAt != null && !now.isBefore(closesAt))) {
            return State.CLOSED;
        }
        return opensAt != null && now.isBefore(opensAt) ? State.SCHEDULED : State.OPEN;
    }

    public State state() {
        return state(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
