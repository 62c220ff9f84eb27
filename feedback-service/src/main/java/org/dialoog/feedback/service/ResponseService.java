package org.dialoog.feedback.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.feedback.Contribution;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Response;
import org.dialoog.feedback.rest.RoundRequest;

/**
 * Takes anonymous responses. Tokened rounds: the token is checked and spent in the same
 * transaction as the response is stored, and only its party travels to the response. Text
 * answers are kept apart from the response (as contributions, moderated in public rounds),
 * so a text cannot be tied to a party.
 */
@ApplicationScoped
@Transactional
public class ResponseService {

    private final EntityManager em;
    private final AnswerCounts counts;
    private final FrozenQuestionnaires frozen;

    ResponseService(EntityManager em, AnswerCounts counts, FrozenQuestionnaires frozen) {
        this.em = em;
        this.counts = counts;
        this.frozen = frozen;
    }

    /** Stores a response for the round; runs for the round's tenant (see {@code PublicRounds}). */
    public UUID submit(UUID roundId, String token, Map<String, JsonNode> answers) {
        FeedbackRound round = FeedbackRound.findById(roundId);
        if (round == null) {
            throw DomainException.notFound("Feedback round", roundId);
        }
        switch (Rounds.state(round)) {
            case SCHEDULED -> throw DomainException.conflict("Round " + roundId + " opens at " + round.opensAt + "; it takes no responses yet.");
            case CLOSED -> throw DomainException.conflict("Round " + roundId + " closed at "
                    + (round.closedAt != null ? round.closedAt : round.closesAt) + "; it takes no more responses.");
            case OPEN -> { }
        }
        boolean isPublic = RoundRequest.Audience.PUBLIC.name().equals(round.audience);
        if (isPublic && token != null) {
            throw DomainException.invalid("token", "a PUBLIC round takes responses without a token");
        }
        if (!isPublic && (token == null || token.isBlank())) {
            throw DomainException.invalid("token", "this round takes responses only with a respondent token");
        }
        List<Question> questions = frozen.questions(round.questionnaireId);
        List<DomainException.FieldError> errors = AnswerValidator.check(questions, answers);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID party = isPublic ? null : spend(round, token.strip());

        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, List<String>> counted = new LinkedHashMap<>();
        for (Question q : questions) {
            JsonNode a = answers.get(q.key());
            if (a == null || a.isNull() || a.isTextual() && a.asText().isBlank() || a.isArray() && a.isEmpty()) {
                continue;
            }
            switch (q.type()) {
                case TEXT -> contribute(round, q.key(), a.asText().strip(), isPublic);
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
        Response r = new Response();
        r.id = UUID.randomUUID();
        r.roundId = round.id;
        r.partyId = party;
        r.answers = stored;
        r.submittedOn = LocalDate.now(ZoneOffset.UTC);
        r.persist();
        counts.add(round.tenant, round.id, party, counted);
        return r.id;
    }

    /** Spends a token atomically: of two concurrent uses exactly one succeeds. Answers its party. */
    private UUID spend(FeedbackRound round, String token) {
        String hash = TokenService.hash(token);
        List<?> party = em.createNativeQuery("""
                update respondent_token set used = true
                where token_hash = :hash and tenant = :tenant and round_id = :round and not used returning party_id""")
                .setParameter("hash", hash).setParameter("tenant", round.tenant).setParameter("round", round.id).getResultList();
        if (!party.isEmpty()) {
            return (UUID) party.get(0);
        }
        List<?> known = em.createNativeQuery("select round_id, used from respondent_token where token_hash = :hash and tenant = :tenant")
                .setParameter("hash", hash).setParameter("tenant", round.tenant).getResultList();
        if (known.isEmpty()) {
            throw new DomainException(403, "Forbidden", "This respondent token is not valid.");
        }
        Object[] row = (Object[]) known.get(0);
        if (!round.id.equals(row[0])) {
            throw DomainException.conflict("This respondent token belongs to another feedback round.");
        }
        throw DomainException.conflict("This respondent token was already used; each token answers once.");
    }

    private static void contribute(FeedbackRound round, String questionKey, String text, boolean moderated) {
        Contribution c = new Contribution();
        c.id = UUID.randomUUID();
        c.roundId = round.id;
        c.questionKey = questionKey;
        c.text = text;
        c.status = moderated ? "PENDING" : "PUBLISHED";
        c.persist();
    }
}
