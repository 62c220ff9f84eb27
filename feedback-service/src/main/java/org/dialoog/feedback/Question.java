package org.dialoog.feedback;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One question of a questionnaire, tied to the dimension it measures. */
@Schema(name = "Question")
public record Question(
        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = "[a-z][a-zA-Z0-9_]*", message = "must be a camelCase identifier")
        @Schema(examples = "trustOtherParties")
        String key,

        @NotBlank @Size(max = 500) @Schema(examples = "I trust the other parties to keep their word.")
        String text,

        @NotNull
        @Schema(
                description = "SCALE (a whole number from min to max), SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT, or "
                        + "PARTY_TRUST: a rating from min to max for each other party of the engagement, answered as an "
                        + "object from party id to number and shown only in the trust matrix "
                        + "(GET /feedback-rounds/{roundId}/trust-matrix); at most one per questionnaire, not for PUBLIC "
                        + "rounds, dimension TRUST or none")
        QuestionType type,

        @Schema(examples = "1", nullable = true) @Nullable Integer min,
        @Schema(examples = "5", nullable = true) @Nullable Integer max,
        @Size(max = 20) @Schema(nullable = true) @Nullable List<@NotBlank @Size(max = 200) String> options,
        boolean required,
        @Schema(nullable = true) @Nullable Dimension dimension,

        @Size(max = 10)
        @Schema(
                description = "The text in other languages (language tag → text); answered by Accept-Language",
                examples = "{\"en\": \"I trust the other parties to keep their word.\"}",
                nullable = true)
        @Nullable
        Map<@Pattern(regexp = "[a-z]{2}") String, @NotBlank @Size(max = 500) String> translations) {

    /**
     * How a question is answered. PARTY_TRUST asks the respondent to rate every other party of the
     * engagement on the question's scale; its answers form the party × party trust matrix and are
     * kept out of the round's question and dimension results, where they would add up to totals
     * per party from which a cell hidden by k-anonymity could be subtracted.
     */
    public enum QuestionType {
        SCALE,
        SINGLE_CHOICE,
        MULTIPLE_CHOICE,
        TEXT,
        PARTY_TRUST
    }

    /** What a facilitator wants to see move over time (product.md). */
    public enum Dimension {
        TRUST,
        COMMUNICATION,
        VOICE,
        SHARED_SOLUTION,
        OWNERSHIP,
        CALM
    }
}
