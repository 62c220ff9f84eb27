package org.dialoog.feedback.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.feedback.Contribution;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.dialoog.conventions.domain.DomainException;

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
    private final FrozenQuestionnaires frozen;
    private final ObjectMapper json;

    ResponseService(EntityManager em, FrozenQuestionnaires frozen, ObjectMapper json) {
        this.em = em;
        this.frozen = frozen;
        this.json = json;
    }

    /**
     * Stores a response for the round; runs for the round's tenant (see {@link PublicRounds}).
     * The round's state, the token, the response and its counters are one statement: one round
     * trip to PostgreSQL for an accepted response. Only a refused one is looked at more closely,
     * to say why.
     */
    public void submit(PublicRounds.Facts round, String token, Map<String, JsonNode> answers) {
        if (round.isPublic() && token != null) {
            throw DomainException.invalid("token", "a PUBLIC round takes responses without a token");
        }
        if (!round.isPublic() && (token == null || token.isBlank())) {
            throw DomainException.invalid("token", "this round takes responses only with a respondent token");
        }
        List<Question> questions = frozen.questions(round.questionnaireId());
        List<DomainException.FieldError> errors = AnswerValidator.check(questions, answers);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, List<String>> counted = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : questions) {
            JsonNode a = answers.get(q.key());
            if (a == null || a.isNull() || a.isTextual() && a.asText().isBlank() || a.isArray() && a.isEmpty()) {
                continue;
            }
            switch (q.type()) {
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
        String hash = round.isPublic() ? null : TokenService.hash(token.strip());
        if (!store(round, hash, stored, counted)) {
            throw refusal(round, hash);
        }
        texts.forEach((key, text) -> contribute(round, key, text, round.isPublic()));
    }

    /** The round open, the token (if any) spent, the response and its counters written; false when refused. */
    private boolean store(PublicRounds.Facts round, String tokenHash, Map<String, Object> stored, Map<String, List<String>> counted) {
        AnswerCounts.Values values = AnswerCounts.values(counted);
        String respondent = tokenHash == null
                ? "select cast(null as uuid) as party_id from open_round"
                : """
                  update respondent_token set used = true where token_hash = :hash and tenant = :tenant
                      and round_id = (select id from open_round) and not used returning party_id""";
        var statement = em.createNativeQuery("""
                with open_round as (
                    select id from feedback_round where id = :round and tenant = :tenant and closed_at is null
                        and (opens_at is null or opens_at <= now()) and (closes_at is null or closes_at > now())),
                respondent as (%s),
                saved as (
                    insert into response (id, tenant, round_id, party_id, answers, submitted_on)
                    select :id, :tenant, :round, party_id, cast(:answers as jsonb), cast(timezone('UTC', now()) as date) from respondent
                    returning party_id),
                counted as (
                    insert into answer_count (tenant, round_id, party_id, question_key, value, shard, n)
                    select :tenant, :round, coalesce(s.party_id, :noParty), k, v, :shard, 1
                    from saved s, unnest(cast(:keys as varchar[]), cast(:values as varchar[])) as t(k, v)
                    on conflict (round_id, party_id, question_key, value, shard) do update set n = answer_count.n + 1)
                select count(*) from saved""".formatted(respondent))
                .setParameter("round", round.roundId()).setParameter("tenant", round.tenant())
                .setParameter("id", UUID.randomUUID()).setParameter("answers", write(stored))
                .setParameter("noParty", AnswerCounts.NO_PARTY).setParameter("shard", AnswerCounts.shard())
                .setParameter("keys", values.keys()).setParameter("values", values.values());
        if (tokenHash != null) {
            statement.setParameter("hash", tokenHash);
        }
        List<?> saved = statement.getResultList();
        return ((Number) saved.get(0)).longValue() == 1;
    }

    /** Why a response was refused: the round's state first, then the token. */
    private DomainException refusal(PublicRounds.Facts facts, String tokenHash) {
        FeedbackRound round = FeedbackRound.findById(facts.roundId());
        if (round == null) {
            return DomainException.notFound("Feedback round", facts.roundId());
        }
        switch (Rounds.state(round)) {
            case SCHEDULED -> {
                return DomainException.conflict("Round " + round.id + " opens at " + round.opensAt + "; it takes no responses yet.");
            }
            case CLOSED -> {
                return DomainException.conflict("Round " + round.id + " closed at "
                        + (round.closedAt != null ? round.closedAt : round.closesAt) + "; it takes no more responses.");
            }
            case OPEN -> { }
        }
        List<?> known = tokenHash == null ? List.of() : em.createNativeQuery(
                        "select round_id, used from respondent_token where token_hash = :hash and tenant = :tenant")
                .setParameter("hash", tokenHash).setParameter("tenant", round.tenant).getResultList();
        if (known.isEmpty()) {
            return new DomainException(403, "Forbidden", "This respondent token is not valid.");
        }
        Object[] row = (Object[]) known.get(0);
        if (!round.id.equals(row[0])) {
            return DomainException.conflict("This respondent token belongs to another feedback round.");
        }
        return DomainException.conflict("This respondent token was already used; each token answers once.");
    }

    private String write(Map<String, Object> stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
