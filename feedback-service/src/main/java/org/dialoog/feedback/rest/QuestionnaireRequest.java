package org.dialoog.feedback.rest;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A questionnaire to create. */
@Schema(name = "QuestionnaireRequest")
public record QuestionnaireRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Evaluatie dialoogsessie")
        String title,

        @NotNull Questionnaire.Purpose purpose,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Question> questions,

        @Size(max = 10) @Schema(description = "The title in other languages (language tag → title)") @Nullable
        Map<@Pattern(regexp = "[a-z]{2}") String, @NotBlank @Size(max = 200) String> titleTranslations) {}
