package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Question.QuestionType;
import org.junit.jupiter.api.Test;

/** Every answer rule, one at a time. */
class AnswerValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Question> QUESTIONS = List.of(
            new Question("trust", "?", QuestionType.SCALE, 1, 5, null, true, Question.Dimension.TRUST, null),
            new Question(
                    "format",
                    "?",
                    QuestionType.SINGLE_CHOICE,
                    null,
                    null,
                    List.of("plenair", "tafels"),
                    false,
                    null,
                    null),
            new Question(
                    "topics",
                    "?",
                    QuestionType.MULTIPLE_CHOICE,
                    null,
                    null,
                    List.of("groen", "wonen"),
                    false,
                    null,
                    null),
            new Question("remarks", "?", QuestionType.TEXT, null, null, null, false, null, null));

    @Test
    void aCompleteValidResponsePasses() {
        assertThat(check("{\"trust\": 3, \"format\": \"tafels\", \"topics\": [\"groen\"], \"remarks\": \"ok\"}"))
                .isEmpty();
    }

    @Test
    void scaleAnswersAreWholeNumbersInRange() {
        assertThat(check("{\"trust\": 0}")).containsExactly("answers.trust");
        assertThat(check("{\"trust\": 6}")).containsExactly("answers.trust");
        assertThat(check("{\"trust\": 2.5}")).containsExactly("answers.trust");
        assertThat(check("{\"trust\": \"4\"}")).containsExactly("answers.trust");
    }

    @Test
    void requiredMeansPresentAndNotBlank() {
        assertThat(check("{}")).containsExactly("answers.trust");
        assertThat(check("{\"trust\": null}")).containsExactly("answers.trust");
    }

    @Test
    void choicesComeFromTheOptionsAndOnlyOnce() {
        assertThat(check("{\"trust\": 1, \"format\": \"buiten\"}")).containsExactly("answers.format");
        assertThat(check("{\"trust\": 1, \"format\": [\"tafels\"]}")).containsExactly("answers.format");
        assertThat(check("{\"trust\": 1, \"topics\": \"groen\"}")).containsExactly("answers.topics");
        assertThat(check("{\"trust\": 1, \"topics\": [\"groen\", \"groen\"]}")).containsExactly("answers.topics");
        assertThat(check("{\"trust\": 1, \"topics\": [\"verkeer\"]}")).containsExactly("answers.topics");
    }

    @Test
    void textIsTextOfBoundedLength() {
        assertThat(check("{\"trust\": 1, \"remarks\": 42}")).containsExactly("answers.remarks");
        assertThat(check("{\"trust\": 1, \"remarks\": \"" + "x".repeat(AnswerValidator.MAX_TEXT + 1) + "\"}"))
                .containsExactly("answers.remarks");
    }

    @Test
    void unknownQuestionsAreNamedToo() {
        assertThat(check("{\"trust\": 1, \"mood\": 3, \"age\": 40}")).containsExactly("answers.age", "answers.mood");
    }

    private static List<String> check(String answers) {
        try {
            Map<String, JsonNode> map = JSON.readerForMapOf(JsonNode.class).readValue(answers);
            return AnswerValidator.check(QUESTIONS, map).stream()
                    .map(DomainException.FieldError::name)
                    .toList();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
