package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.service.Translations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A questionnaire as the API shows it, in the caller's language where a translation exists. */
@Schema(name = "Questionnaire")
public record QuestionnaireView(
        UUID id,
        String title,
        Questionnaire.Purpose purpose,
        List<Question> questions,

        @Schema(description = "The language of title and texts")
        String language,

        @Schema(description = "Set for the built-in questionnaires", examples = "session-evaluation", nullable = true)
        @Nullable
        String builtIn,

        @Schema(description = "All versions share it: the first version's id")
        UUID familyId,

        int revision,

        @Schema(description = "Used by a round: a change makes a new version")
        boolean frozen,

        @Schema(nullable = true) @Nullable UUID supersededBy,
        Map<String, String> titleTranslations,
        long version,
        OffsetDateTime createdAt) {

    public static final String DEFAULT_LANGUAGE = Translations.WRITTEN_IN;

    public static QuestionnaireView of(Questionnaire q, @Nullable String language) {
        return of(q, language == null ? List.of() : List.of(language));
    }

    /** In the first of {@code languages} the questionnaire has in full, else in the language it was written in. */
    public static QuestionnaireView of(Questionnaire q, List<String> languages) {
        // one language for all texts, and the one they are really in (not the one asked for)
        Translations.Translated texts = Translations.of(q, languages);
        return new QuestionnaireView(
                q.id,
                texts.title(),
                Questionnaire.Purpose.valueOf(q.purpose),
                texts.questions(),
                texts.language(),
                q.builtIn,
                q.familyId,
                q.revision,
                q.frozen,
                q.supersededBy,
                q.titleTranslations,
                q.version,
                q.createdAt);
    }

    /** The editable fields, as a request a merge patch applies to (in the stored language). */
    public static QuestionnaireRequest editable(Questionnaire q) {
        return new QuestionnaireRequest(
                q.title, Questionnaire.Purpose.valueOf(q.purpose), q.questions, q.titleTranslations);
    }

    /** The two-letter languages of an Accept-Language header, most wanted first (by q), lower case, without repeats. */
    public static List<String> languages(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(Locale.LanguageRange::getRange)
                    .filter(tag -> !tag.equals("*"))
                    .map(tag -> tag.substring(0, Math.min(2, tag.length())).toLowerCase(Locale.ROOT))
                    .distinct()
                    .toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The first language of an Accept-Language header that is a two-letter tag, lower case; null if none. */
    public static @Nullable String language(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange();
                if (!tag.equals("*")) {
                    return tag.substring(0, Math.min(2, tag.length())).toLowerCase(Locale.ROOT);
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
