package org.dialoog.engagement.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.AgreementAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A party's answer to an agreement's current text. */
@Schema(name = "AgreementAnswerRequest")
public record AnswerRequest(
        @NotNull
        @Schema(
                description = "CONSENT; CONSENT_WITH_CONCERN (name the concern in reason); OBJECTION (give the reason: "
                        + "the agreement goes back for amendment); ABSTAIN (the party stands aside, which keeps the "
                        + "agreement from being carried)")
        AgreementAnswer.Decision decision,

        @Size(max = 5000)
        @Schema(
                nullable = true,
                description = "Required for CONSENT_WITH_CONCERN and OBJECTION",
                examples = "Wie betaalt de plantvakken na 2028?")
        @Nullable
        String reason,

        @Min(1)
        @Schema(
                nullable = true,
                description = "The version of the text the party answered; 409 when the text has changed since",
                examples = "1")
        @Nullable
        Integer number) {}
