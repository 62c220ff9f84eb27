package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.Contribution;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.store.PublicRounds;
import org.dialoog.feedback.store.Submissions;
import org.jspecify.annotations.Nullable;

/**
 * Takes anonymous responses. Tokened rounds: the token is checked and spent in the same
 * transaction as the response is stored, and only its party travels to the response. Text
 * answers are kept apart from the response (as contributions, moderated in public rounds),
 * so a text cannot be tied to a party.
 */
@ApplicationScoped
@Transactional
public class ResponseService {

    private final FrozenQuestionnaires frozen;
    private final Submissions submissions;

    ResponseService(FrozenQuestionnaires frozen, Submissions submissions) {
        this.frozen = frozen;
        this.submissions = submissions;
    }

    /**
     * Stores a response for the round; runs for the round's tenant (see {@link PublicRounds}).
     * The round's state, the token, the response and its counters are one statement (see
     * {@link Submissions}): one round trip to PostgreSQL for an accepted response. Only a refused
     * one is looked at more closely, to say why.
     */
    public void submit(PublicRounds.Facts round, @Nullable String token, Map<String, JsonNode> answers) {
        String hash = tokenHash(round, token);
        List<Question> questions = frozen.questions(round.questionnaireId());
        List<DomainException.FieldError> errors =
                AnswerValidator.check(questions, answers, parties(round, hash, questions, answers));
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, List<String>> counted = new LinkedHashMap<>();
        Map<UUID, Long> trust = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : questions) {
            JsonNode a = answers.get(q.key());
            if (a == null || AnswerValidator.isEmpty(q, a)) {
                continue;
            }
            switch (q.type()) {
                case PARTY_TRUST -> {
                    // counted apart (party_trust_count), never in answer_count: see Question.QuestionType
                    Map<String, Long> rated = new LinkedHashMap<>();
                    a.properties().forEach(r -> {
                        UUID party = UUID.fromString(r.getKey());
                        rated.put(party.toString(), r.getValue().asLong());
                        trust.put(party, r.getValue().asLong());
                    });
                    stored.put(q.key(), rated);
                }
                case TEXT -> texts.put(q.key(), a.asText().strip());
                case SCALE -> {
                    stored.put(q.key(), a.asLong());
                    counted.put(q.key(), List.of(Long.toString(a.asLong())));
                }
                case SINGLE_CHOICE -> {
                    stored.put(q.key(), a.asText());
                    counted.put(q.key(), List.of(a.asText()));
                }
                case MULTIPLE_CHOICE -> {
                    List<String> chosen = new ArrayList<>();
                    a.forEach(o -> chosen.add(o.asText()));
                    stored.put(q.key(), chosen);
                    counted.put(q.key(), chosen);
                }
            }
        }
        if (!submissions.take(round, hash, stored, counted, trust)) {
            throw refusal(round, hash);
        }
        texts.forEach((key, text) -> contribute(round, key, text, round.isPublic()));
    }

    /**
     * What PARTY_TRUST answers are checked against; looked up only when the response has one, so
     * that other responses stay one statement.
     */
    private AnswerValidator.Parties parties(
            PublicRounds.Facts round,
            @Nullable String tokenHash,
            List<Question> questions,
            Map<String, JsonNode> answers) {
        boolean ratesParties = questions.stream()
                .anyMatch(q -> q.type() == Question.QuestionType.PARTY_TRUST
                        && answers.get(q.key()) != null
                        && !AnswerValidator.isEmpty(q, answers.get(q.key())));
        if (!ratesParties) {
            return AnswerValidator.Parties.NONE;
        }
        UUID own = tokenHash == null
                ? null
                : submissions
                        .partyOfToken(tokenHash, round.tenant(), round.roundId())
                        .orElse(null);
        return new AnswerValidator.Parties(submissions.partiesOfRound(round.tenant(), round.roundId()), own);
    }

    /** The hash of the response's token, or null for a PUBLIC round, which takes responses without one. */
    private static @Nullable String tokenHash(PublicRounds.Facts round, @Nullable String token) {
        if (round.isPublic()) {
            if (token != null) {
                throw DomainException.invalid("token", "a PUBLIC round takes responses without a token");
            }
            return null;
        }
        if (token == null || token.isBlank()) {
            throw DomainException.invalid("token", "this round takes responses only with a respondent token");
        }
        return TokenService.hash(token.strip());
    }

    /** Why a response was refused: the round's state first, then the token. */
    private DomainException refusal(PublicRounds.Facts facts, @Nullable String tokenHash) {
        FeedbackRound round = FeedbackRound.findById(facts.roundId());
        if (round == null) {
            return DomainException.notFound("Feedback round", facts.roundId());
        }
        return RoundRules.responseRefusedByState(round, OffsetDateTime.now(ZoneOffset.UTC))
                .orElseGet(() -> RoundRules.tokenRefused(
                        round.id,
                        tokenHash == null ? Optional.empty() : submissions.roundOfToken(tokenHash, round.tenant)));
    }

    private static void contribute(PublicRounds.Facts round, String questionKey, String text, boolean moderated) {
        Contribution c = new Contribution();
        c.id = UUID.randomUUID();
        c.roundId = round.roundId();
        c.questionKey = questionKey;
        c.text = text;
        c.status = moderated ? "PENDING" : "PUBLISHED";
        c.persist();
    }
}
