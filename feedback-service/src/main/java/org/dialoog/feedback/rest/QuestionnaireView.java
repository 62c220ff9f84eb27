package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
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

    public static final String DEFAULT_LANGUAGE = "nl";

    public static QuestionnaireView of(Questionnaire q, @Nullable String language) {
        String lang = language == null ? DEFAULT_LANGUAGE : language;
        // the title says which language the questionnaire is shown in; without it, the stored one
        boolean translated =
                lang.equals(DEFAULT_LANGUAGE) || (q.titleTranslations != null && q.titleTranslations.containsKey(lang));
        String title = q.titleTranslations != null && q.titleTranslations.containsKey(lang)
                ? q.titleTranslations.get(lang)
                : q.title;
        List<Question> questions = q.questions.stream()
                .map(x -> x.translations() != null && x.translations().containsKey(lang)
                        ? new Question(
                                x.key(),
                                x.translations().get(lang),
                                x.type(),
                                x.min(),
                                x.max(),
                                x.options(),
                                x.required(),
                                x.dimension(),
                                x.translations())
                        : x)
                .toList();
        return new QuestionnaireView(
                q.id,
                title,
                Questionnaire.Purpose.valueOf(q.purpose),
                questions,
                translated ? lang : DEFAULT_LANGUAGE,
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
