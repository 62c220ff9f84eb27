package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Question.QuestionType;
import org.junit.jupiter.api.Test;

/** The rules of a PARTY_TRUST answer: other parties of the engagement only, each once, on the scale. */
class PartyTrustAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID OWN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID THIRD = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    private static final List<Question> QUESTIONS = List.of(new Question(
            "trustInParties", "?", QuestionType.PARTY_TRUST, 1, 5, null, true, Question.Dimension.TRUST, null));
    private static final AnswerValidator.Parties PARTIES = new AnswerValidator.Parties(Set.of(OWN, OTHER, THIRD), OWN);

    @Test
    void ratingsOfTheOtherPartiesPass() {
        assertThat(check("{\"" + OTHER + "\": 4, \"" + THIRD + "\": 1}")).isEmpty();
        assertThat(check("{\"" + OTHER + "\": 5}"))
                .as("a party the respondent does not know may be left out")
                .isEmpty();
    }

    @Test
    void theOwnPartyAnUnknownPartyAndAValueOutOfRangeAreEachNamed() {
        assertThat(check("{\"" + OWN + "\": 4, \"" + UNKNOWN + "\": 3, \"" + OTHER + "\": 6, \"" + THIRD + "\": 2}"))
                .containsExactlyInAnyOrder(
                        "answers.trustInParties." + OWN,
                        "answers.trustInParties." + UNKNOWN,
                        "answers.trustInParties." + OTHER);
    }

    @Test
    void valuesAreWholeNumbersOnTheScale() {
        for (String bad : List.of("0", "6", "2.5", "\"4\"", "null", "[4]")) {
            assertThat(check("{\"" + OTHER + "\": " + bad + "}"))
                    .as(bad)
                    .containsExactly("answers.trustInParties." + OTHER);
        }
    }

    @Test
    void theAnswerIsAnObjectKeyedByPartyIds() {
        assertThat(check("4")).containsExactly("answers.trustInParties");
        assertThat(check("[4]")).containsExactly("answers.trustInParties");
        assertThat(check("{\"Partij 2\": 4}")).containsExactly("answers.trustInParties");
    }

    @Test
    void aPartyNamedTwiceInAnotherSpellingIsRefused() {
        assertThat(check("{\"" + OTHER + "\": 4, \"" + OTHER.toString().toUpperCase(java.util.Locale.ROOT) + "\": 2}"))
                .containsExactly("answers.trustInParties." + OTHER);
    }

    @Test
    void requiredMeansAtLeastOnePartyRated() {
        assertThat(check("{}")).containsExactly("answers.trustInParties");
        assertThat(check("null")).containsExactly("answers.trustInParties");
    }

    @Test
    void withoutAValidTokenTheOwnPartyIsUnknownAndOnlyTheEngagementsPartiesCount() {
        var noOwn = new AnswerValidator.Parties(Set.of(OWN, OTHER), null);
        assertThat(names(Map.of("trustInParties", node("{\"" + OWN + "\": 4}")), noOwn))
                .isEmpty();
        assertThat(names(Map.of("trustInParties", node("{\"" + OTHER + "\": 4}")), AnswerValidator.Parties.NONE))
                .containsExactly("answers.trustInParties." + OTHER);
    }

    private static List<String> check(String answer) {
        return names(Map.of("trustInParties", node(answer)), PARTIES);
    }

    private static List<String> names(Map<String, JsonNode> answers, AnswerValidator.Parties parties) {
        return AnswerValidator.check(QUESTIONS, answers, parties).stream()
                .map(DomainException.FieldError::name)
                .toList();
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
