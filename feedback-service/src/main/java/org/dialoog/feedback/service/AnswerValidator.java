package org.dialoog.feedback.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.Question;
import org.jspecify.annotations.Nullable;

/** Checks every answer against its question (type, range, options, required, parties) and names every bad one. */
public final class AnswerValidator {

    public static final int MAX_TEXT = 5000;
    /** More parties than any engagement has; a longer PARTY_TRUST answer is refused before its keys are read. */
    public static final int MAX_PARTIES = 100;

    private AnswerValidator() {}

    /**
     * What a PARTY_TRUST answer is checked against: the parties of the round's engagement known
     * here, and the respondent's own party (null when the token is not valid: the response is
     * then refused for that reason).
     */
    public record Parties(Set<UUID> ofEngagement, @Nullable UUID own) {
        public static final Parties NONE = new Parties(Set.of(), null);
    }

    /** An answer that counts as not given: null, blank text, an empty list, or no party rated. */
    public static boolean isEmpty(Question q, JsonNode a) {
        return a.isNull()
                || (a.isTextual() && a.asText().isBlank())
                || (a.isArray() && a.isEmpty())
                || (q.type() == Question.QuestionType.PARTY_TRUST && a.isObject() && a.isEmpty());
    }

    public static List<DomainException.FieldError> check(List<Question> questions, Map<String, JsonNode> answers) {
        return check(questions, answers, Parties.NONE);
    }

    public static List<DomainException.FieldError> check(
            List<Question> questions, Map<String, JsonNode> answers, Parties parties) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Question q : questions) {
            known.add(q.key());
            JsonNode a = answers.get(q.key());
            String field = "answers." + q.key();
            if (a == null || isEmpty(q, a)) {
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
                case PARTY_TRUST -> partyTrust(q, a, field, parties, errors);
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

    /**
     * A PARTY_TRUST answer: an object from party id to a whole number on the question's scale, for
     * parties of the engagement other than the respondent's own. The answer as a whole gets the
     * returned problem; each bad party its own error, named {@code answers.<key>.<partyId>}.
     */
    private static @Nullable String partyTrust(
            Question q, JsonNode a, String field, Parties parties, List<DomainException.FieldError> errors) {
        if (!a.isObject()) {
            return "must be an object from party id to a whole number, for the other parties of the engagement";
        }
        if (a.size() > MAX_PARTIES) {
            return "at most " + MAX_PARTIES + " parties";
        }
        int min = Objects.requireNonNull(q.min(), "a PARTY_TRUST question has a min");
        int max = Objects.requireNonNull(q.max(), "a PARTY_TRUST question has a max");
        Set<UUID> seen = new HashSet<>();
        boolean notAnId = false;
        for (var rating : a.properties()) {
            UUID party = partyId(rating.getKey());
            if (party == null) {
                notAnId = true;
                continue;
            }
            String at = field + "." + party;
            JsonNode value = rating.getValue();
            if (!seen.add(party)) {
                errors.add(new DomainException.FieldError(at, "names this party twice"));
            } else if (!parties.ofEngagement().contains(party)) {
                errors.add(new DomainException.FieldError(at, "no party of this round's engagement"));
            } else if (party.equals(parties.own())) {
                errors.add(new DomainException.FieldError(at, "is the respondent's own party; rate the other parties"));
            } else if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                errors.add(new DomainException.FieldError(at, "must be a whole number from " + min + " to " + max));
            }
        }
        return notAnId ? "every key must be a party id (a UUID)" : null;
    }

    /** The party a key names, or null when it is not a UUID in its usual form. */
    private static @Nullable UUID partyId(String key) {
        try {
            UUID id = UUID.fromString(key);
            return id.toString().equalsIgnoreCase(key) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
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
