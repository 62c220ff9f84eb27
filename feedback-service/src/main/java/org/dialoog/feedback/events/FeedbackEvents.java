package org.dialoog.feedback.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.jspecify.annotations.Nullable;

/** The payloads of feedback events: counts and k-anonymous aggregates, never a text, a token or a person. */
public final class FeedbackEvents {

    private FeedbackEvents() {}

    /** A round opened (or was scheduled to open). */
    public record RoundOpened(
            UUID roundId,
            UUID engagementId,
            @Nullable UUID sessionId,
            String tenant,
            String audience,
            UUID questionnaireId,
            @Nullable OffsetDateTime opensAt,
            @Nullable OffsetDateTime closesAt,
            int minGroupSize,
            boolean automatic) {

        public static RoundOpened of(FeedbackRound r) {
            return new RoundOpened(
                    r.id,
                    r.engagementId,
                    r.sessionId,
                    r.tenant,
                    r.audience,
                    r.questionnaireId,
                    r.opensAt,
                    r.closesAt,
                    r.minGroupSize,
                    r.automatic);
        }
    }

    /** A round was closed; it takes no more responses. */
    public record RoundClosed(
            UUID roundId,
            UUID engagementId,
            @Nullable UUID sessionId,
            String tenant,
            OffsetDateTime closedAt,
            long responses) {

        /** Of a round that was just closed. */
        public static RoundClosed of(FeedbackRound r, long responses) {
            return new RoundClosed(
                    r.id,
                    r.engagementId,
                    r.sessionId,
                    r.tenant,
                    Objects.requireNonNull(r.closedAt, "a closed round knows when it closed"),
                    responses);
        }
    }

    /**
     * A round's results changed. {@code withheld}: fewer than minGroupSize responded, so only the
     * count is given. Parties appear with their dimensions only where k-anonymity allows.
     */
    public record ResultsUpdated(
            UUID roundId,
            UUID engagementId,
            @Nullable UUID sessionId,
            String tenant,
            OffsetDateTime roundStartedAt,
            boolean closed,
            long responses,
            int minGroupSize,
            boolean withheld,
            List<DimensionScore> dimensions,
            List<PartyDimensions> parties) {}

    /** One party's dimensions, or {@code suppressed}. */
    public record PartyDimensions(
            UUID partyId, boolean suppressed, @Nullable Long responses, List<DimensionScore> dimensions) {}

    /**
     * A dimension on the 0–100 scale, as the event carries it: the event's own record, so that a
     * change to the results API cannot change the event unnoticed.
     */
    public record DimensionScore(
            Question.Dimension dimension,
            long answers,
            @Nullable Double mean,
            @Nullable Double ci95Low,
            @Nullable Double ci95High) {}
}
