package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A questionnaire is shown in one language, and says the one it is really in. */
class TranslationsTest {

    private static Question question(String key, String text, @Nullable Map<String, String> translations) {
        return new Question(
                key, text, Question.QuestionType.SCALE, 1, 5, null, true, Question.Dimension.TRUST, translations);
    }

    private static Questionnaire questionnaire() {
        Questionnaire q = Questionnaire.firstVersion();
        q.title = "Peiling";
        q.titleTranslations = Map.of("en", "Pulse", "fr", "Sondage");
        q.questions = List.of(
                question("trust", "Vertrouwen", Map.of("en", "Trust", "fr", "Confiance")),
                question("voice", "Stem", Map.of("en", "Voice")));
        return q;
    }

    @Test
    void theFirstWantedLanguageTheQuestionnaireHasInFullWins() {
        var t = Translations.of(questionnaire(), List.of("de", "fr", "en"));
        assertThat(t.language()).isEqualTo("en");
        assertThat(t.title()).isEqualTo("Pulse");
        assertThat(t.questions()).extracting(Question::text).containsExactly("Trust", "Voice");
    }

    @Test
    void aPartialTranslationIsNotShownAndTheLanguageSaysSo() {
        var t = Translations.of(questionnaire(), List.of("fr"));
        assertThat(t.language()).isEqualTo("nl");
        assertThat(t.title()).isEqualTo("Peiling");
        assertThat(t.questions()).extracting(Question::text).containsExactly("Vertrouwen", "Stem");
    }

    @Test
    void dutchFirstOrNothingWantedIsTheLanguageItWasWrittenIn() {
        assertThat(Translations.of(questionnaire(), List.of("nl", "en")).language())
                .isEqualTo("nl");
        assertThat(Translations.of(questionnaire(), List.of()).language()).isEqualTo("nl");
    }

    @Test
    void aQuestionnaireWithoutTranslationsStaysInItsOwnLanguage() {
        Questionnaire q = Questionnaire.firstVersion();
        q.title = "Peiling";
        q.titleTranslations = Map.of();
        q.questions = List.of(question("trust", "Vertrouwen", null));
        assertThat(Translations.of(q, List.of("en")).language()).isEqualTo("nl");
    }
}
