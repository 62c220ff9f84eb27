package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.dialoog.feedback.FeedbackRound;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A feedback round to open. */
@Schema(name = "FeedbackRoundRequest")
public record RoundRequest(
        @NotNull UUID engagementId,
        @Nullable UUID sessionId,
        @NotNull UUID questionnaireId,
        @NotNull FeedbackRound.Audience audience,

        @Schema(examples = "2026-03-12T21:30:00+01:00") @Nullable
        OffsetDateTime opensAt,

        @Schema(examples = "2026-03-19T21:30:00+01:00") @Nullable
        OffsetDateTime closesAt) {}
