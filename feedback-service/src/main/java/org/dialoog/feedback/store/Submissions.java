package org.dialoog.feedback.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * values each question adds to the counters; {@code trust}: the value given to each other
     * party (a PARTY_TRUST answer), counted under the respondent's party in {@code party_trust_count}.
     */
    public boolean take(
            PublicRounds.Facts round,
            @Nullable String tokenHash,
            Map<String, Object> stored,
            Map<String, List<String>> counted,
            Map<UUID, Long> trust) {
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
                    on conflict (round_id, party_id, question_key, value, shard) do update set n = answer_count.n + 1),
                trusted as (
                    insert into party_trust_count (tenant, round_id, from_party_id, to_party_id, value, shard, n)
                    select :tenant, :round, s.party_id, cast(t.key as uuid), cast(t.value as int), :shard, 1
                    from saved s, jsonb_each_text(cast(:trust as jsonb)) as t
                    where s.party_id is not null
                    on conflict (round_id, from_party_id, to_party_id, value, shard) do update set n = party_trust_count.n + 1)
                select count(*) from saved""".formatted(respondent))
                .setParameter("round", round.roundId())
                .setParameter("tenant", round.tenant())
                .setParameter("id", UUID.randomUUID())
                .setParameter("answers", write(stored))
                .setParameter("trust", write(trust))
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

    /**
     * The party of a token of this round that is not spent yet, or empty: what a PARTY_TRUST answer
     * is checked against before the response's statement spends the token (a token's party never changes).
     */
    public Optional<UUID> partyOfToken(String tokenHash, String tenant, UUID roundId) {
        List<?> parties = em.createNativeQuery("""
                        select party_id from respondent_token
                        where token_hash = :hash and tenant = :tenant and round_id = :round and not used""")
                .setParameter("hash", tokenHash)
                .setParameter("tenant", tenant)
                .setParameter("round", roundId)
                .getResultList();
        return parties.isEmpty() ? Optional.empty() : Optional.of((UUID) parties.get(0));
    }

    /** The parties known here of the round's engagement: those a PARTY_TRUST answer may rate. */
    public Set<UUID> partiesOfRound(String tenant, UUID roundId) {
        List<?> parties = em.createNativeQuery("""
                        select p.id from known_party p join feedback_round r on r.engagement_id = p.engagement_id
                        where r.id = :round and r.tenant = :tenant and p.tenant = :tenant""")
                .setParameter("round", roundId)
                .setParameter("tenant", tenant)
                .getResultList();
        Set<UUID> out = new HashSet<>();
        parties.forEach(p -> out.add((UUID) p));
        return out;
    }

    private String write(Map<?, ?> stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
