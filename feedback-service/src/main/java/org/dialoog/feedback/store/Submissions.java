package org.dialoog.feedback.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * The statement that takes a response, and the look-up that explains a refusal. The round's
 * state, the token, the response and its counters are one statement: one round trip to
 * PostgreSQL for an accepted response.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Submissions {

    private final EntityManager em;
    private final ObjectMapper json;

    Submissions(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * The round open, the token (if any) spent, the response and its counters written; false
     * when refused. {@code stored}: the answers as the response keeps them; {@code counted}: the
     * values each question adds to the counters.
     */
    public boolean take(
            PublicRounds.Facts round,
            @Nullable String tokenHash,
            Map<String, Object> stored,
            Map<String, List<String>> counted) {
        AnswerCounts.Values values = AnswerCounts.values(counted);
        String respondent = tokenHash == null ? "select cast(null as uuid) as party_id from open_round" : """
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
                .setParameter("round", round.roundId())
                .setParameter("tenant", round.tenant())
                .setParameter("id", UUID.randomUUID())
                .setParameter("answers", write(stored))
                .setParameter("noParty", AnswerCounts.NO_PARTY)
                .setParameter("shard", AnswerCounts.shard())
                .setParameter("keys", values.keys().toArray(String[]::new))
                .setParameter("values", values.values().toArray(String[]::new));
        if (tokenHash != null) {
            statement.setParameter("hash", tokenHash);
        }
        List<?> saved = statement.getResultList();
        return ((Number) saved.get(0)).longValue() == 1;
    }

    /** The round of the token with this hash in the tenant, if such a token exists (used or not). */
    public Optional<UUID> roundOfToken(String tokenHash, String tenant) {
        List<?> rounds = em.createNativeQuery(
                        "select round_id from respondent_token where token_hash = :hash and tenant = :tenant")
                .setParameter("hash", tokenHash)
                .setParameter("tenant", tenant)
                .getResultList();
        return rounds.isEmpty() ? Optional.empty() : Optional.of((UUID) rounds.get(0));
    }

    private String write(Map<String, Object> stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
