package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.dialoog.feedback.FeedbackRound;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A feedback round as the API shows it. */
@Schema(name = "FeedbackRound")
public record RoundView(
        UUID id,
        UUID engagementId,
        @Schema(nullable = true) @Nullable UUID sessionId,
        UUID questionnaireId,
        FeedbackRound.Audience audience,
        @Schema(nullable = true) @Nullable OffsetDateTime opensAt,
        @Schema(nullable = true) @Nullable OffsetDateTime closesAt,
        @Schema(nullable = true) @Nullable OffsetDateTime closedAt,

        @Schema(description = "SCHEDULED before opensAt, OPEN, CLOSED after closesAt or a close")
        FeedbackRound.State state,

        @Schema(description = "The k of k-anonymity for this round, from the engagement's settings when it opened")
        int minGroupSize,

        @Schema(description = "Opened by a SessionCompleted event (automatic session evaluation)")
        boolean automatic,

        @Schema(description = "MAIL: the audience gets its tokens by mail when the round opens; MANUAL: by hand")
        FeedbackRound.Delivery delivery,

        @Schema(nullable = true, description = "When the audience's tokens were mailed; null before (or MANUAL)")
        @Nullable
        OffsetDateTime mailedAt,

        @Schema(nullable = true, description = "When the last reminder went out") @Nullable
        OffsetDateTime remindedAt,

        long version,
        OffsetDateTime createdAt) {

    public static RoundView of(FeedbackRound r) {
        return new RoundView(
                r.id,
                r.engagementId,
                r.sessionId,
                r.questionnaireId,
                FeedbackRound.Audience.valueOf(r.audience),
                r.opensAt,
                r.closesAt,
                r.closedAt,
                r.state(),
                r.minGroupSize,
                r.automatic,
                FeedbackRound.Delivery.valueOf(r.delivery),
                r.mailedAt,
                r.remindedAt,
                r.version,
                r.createdAt);
    }
}
