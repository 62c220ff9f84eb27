package org.dialoog.feedback.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The counters results and insights read: per round, party, question and answer value, kept
 * up to date in the response's own transaction, so reading results never scans responses.
 * Queries name the round, which the caller has already been allowed to see.
 */
@ApplicationScoped
public class AnswerCounts {

    /** "No party": responses of public rounds. */
    public static final UUID NO_PARTY = new UUID(0, 0);
    /** The question key under which responses themselves are counted. */
    public static final String RESPONSES = "";
    /** The value under which a question counts its respondents (a multiple-choice answer counts once per option too). */
    public static final String ANSWERED = "*";

    private static final int SHARDS = 8;

    private final EntityManager em;

    AnswerCounts(EntityManager em) {
        this.em = em;
    }

    /** One counted answer value. */
    public record Count(UUID partyId, String questionKey, String value, long n) {}

    /** The counter rows one response adds to, as two parallel lists (question key, value). */
    public record Values(List<String> keys, List<String> values) {}

    /**
     * What one response counts: the response itself, each answered question once ({@link #ANSWERED})
     * and each chosen value. The response's statement adds them all (see {@link Submissions}).
     */
    public static Values values(Map<String, List<String>> valuesByQuestion) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        keys.add(RESPONSES);
        values.add("");
        valuesByQuestion.forEach((key, vs) -> {
            keys.add(key);
            values.add(ANSWERED);
            vs.forEach(v -> {
                keys.add(key);
                values.add(v);
            });
        });
        return new Values(List.copyOf(keys), List.copyOf(values));
    }

    /** The shard a response's counters go to: concurrent responses rarely wait for the same row. */
    public static short shard() {
        return (short) ThreadLocalRandom.current().nextInt(SHARDS);
    }

    /** A round of some tenant. */
    public record TenantRound(String tenant, UUID roundId) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Count> of(UUID roundId) {
        List<?> rows = em.createNativeQuery("""
                select party_id, question_key, value, sum(n) from answer_count where round_id = :round
                group by party_id, question_key, value""").setParameter("round", roundId).getResultList();
        List<Count> counts = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.add(new Count((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return counts;
    }

    /** Responses per round, for several rounds at once. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Long> responses(List<UUID> roundIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (roundIds.isEmpty()) {
            return out;
        }
        List<?> rows = em.createNativeQuery("""
                select round_id, sum(n) from answer_count where round_id = any(cast(:rounds as uuid[])) and question_key = ''
                group by round_id""")
                .setParameter("rounds", roundIds.toArray(UUID[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    /** Rounds whose counted responses differ from those their last FeedbackResultsUpdated carried, in every tenant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TenantRound> unpublished() {
        // across tenants on purpose: the native query names no tenant-scoped entity
        List<?> rows = em.createNativeQuery("""
                select r.tenant, r.id from feedback_round r
                join (select round_id, sum(n) as n from answer_count where question_key = '' group by round_id) c on c.round_id = r.id
                where c.n <> r.published_responses""").getResultList();
        List<TenantRound> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.add(new TenantRound((String) r[0], (UUID) r[1]));
        }
        return out;
    }
}
