package org.dialoog.feedback.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.jspecify.annotations.Nullable;

/**
 * Picks the one language a questionnaire is shown in: the first wanted language in which the
 * title and every question have a text, else the language it was written in. All texts then
 * come in that language, so that the answer's {@code language} (and Content-Language) is true.
 */
public final class Translations {

    /** The language questionnaires are written in; translations are kept next to it. */
    public static final String WRITTEN_IN = "nl";

    private Translations() {}

    /** A questionnaire's texts in one language; each question keeps its translations as stored. */
    public record Translated(String language, String title, List<Question> questions) {}

    /** In the first of {@code wanted} (most wanted first) that the questionnaire has in full, else in {@link #WRITTEN_IN}. */
    public static Translated of(Questionnaire q, List<String> wanted) {
        for (String language : wanted) {
            if (language.equals(WRITTEN_IN)) {
                break;
            }
            Optional<Translated> translated = in(q, language);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        String title = text(q.titleTranslations, WRITTEN_IN);
        return new Translated(WRITTEN_IN, title == null ? q.title : title, q.questions);
    }

    /** The questionnaire in {@code language}, when the title and every question have a text in it. */
    static Optional<Translated> in(Questionnaire q, String language) {
        String title = text(q.titleTranslations, language);
        if (title == null) {
            return Optional.empty();
        }
        List<Question> questions = new ArrayList<>();
        for (Question x : q.questions) {
            String text = text(x.translations(), language);
            if (text == null) {
                return Optional.empty();
            }
            questions.add(new Question(
                    x.key(),
                    text,
                    x.type(),
                    x.min(),
                    x.max(),
                    x.options(),
                    x.required(),
                    x.dimension(),
                    x.translations()));
        }
        return Optional.of(new Translated(language, title, List.copyOf(questions)));
    }

    private static @Nullable String text(@Nullable Map<String, String> texts, String language) {
        return texts == null ? null : texts.get(language);
    }
}
