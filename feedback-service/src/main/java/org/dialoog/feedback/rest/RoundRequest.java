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
        OffsetDateTime closesAt,

        @Schema(
                nullable = true,
                description =
                        "MAIL (default for ATTENDEES and PARTICIPANTS): when the round opens, each member of its "
                                + "audience gets one personal single-use answer link by mail. MANUAL (default for PUBLIC, the only "
                                + "choice there): nothing is mailed; the facilitator issues tokens (POST …/tokens) and hands them out.")
        FeedbackRound.@Nullable Delivery delivery) {}
