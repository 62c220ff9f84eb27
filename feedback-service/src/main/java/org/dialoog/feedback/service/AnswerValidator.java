package org.dialoog.feedback.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.Question;
import org.jspecify.annotations.Nullable;

/** Checks every answer against its question (type, range, options, required) and names every bad one. */
public final class AnswerValidator {

    public static final int MAX_TEXT = 5000;

    private AnswerValidator() {}

    public static List<DomainException.FieldError> check(List<Question> questions, Map<String, JsonNode> answers) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Question q : questions) {
            known.add(q.key());
            JsonNode a = answers.get(q.key());
            String field = "answers." + q.key();
            if (a == null || a.isNull() || (a.isTextual() && a.asText().isBlank()) || (a.isArray() && a.isEmpty())) {
                if (q.required()) {
                    errors.add(new DomainException.FieldError(field, "required"));
                }
                continue;
            }
            String problem = switch (q.type()) {
                case SCALE -> scale(q, a);
                case SINGLE_CHOICE -> {
                    List<String> options = options(q);
                    yield a.isTextual() && options.contains(a.asText()) ? null : "must be one of " + options;
                }
                case MULTIPLE_CHOICE -> multipleChoice(q, a);
                case TEXT ->
                    !a.isTextual()
                            ? "must be text"
                            : a.asText().length() > MAX_TEXT ? "at most " + MAX_TEXT + " characters" : null;
            };
            if (problem != null) {
                errors.add(new DomainException.FieldError(field, problem));
            }
        }
        answers.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .forEach(k -> errors.add(new DomainException.FieldError(
                        "answers." + k, "no such question in this round's questionnaire")));
        return errors;
    }

    private static @Nullable String scale(Question q, JsonNode a) {
        // a SCALE question has both bounds: QuestionnaireService refuses one without them
        int min = Objects.requireNonNull(q.min(), "a SCALE question has a min");
        int max = Objects.requireNonNull(q.max(), "a SCALE question has a max");
        return a.isIntegralNumber() && a.asLong() >= min && a.asLong() <= max
                ? null
                : "must be a whole number from " + min + " to " + max;
    }

    private static @Nullable String multipleChoice(Question q, JsonNode a) {
        List<String> options = options(q);
        if (!a.isArray()) {
            return "must be a list of options from " + options;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode option : a) {
            if (!option.isTextual() || !options.contains(option.asText())) {
                return "every choice must be one of " + options;
            }
            if (!seen.add(option.asText())) {
                return "names '" + option.asText() + "' twice";
            }
        }
        return null;
    }

    /** The options of a choice question: QuestionnaireService refuses one with fewer than two. */
    private static List<String> options(Question q) {
        return Objects.requireNonNull(q.options(), "a choice question has options");
    }
}
