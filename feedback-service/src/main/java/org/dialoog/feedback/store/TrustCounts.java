package org.dialoog.feedback.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The counters the trust matrix reads: per round, the respondent's party, the party rated and the
 * value given (written by the response's own statement, see {@link Submissions}). Queries name
 * rounds the caller has already been allowed to see.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrustCounts {

    private final EntityManager em;

    TrustCounts(EntityManager em) {
        this.em = em;
    }

    /** How often a value was given by respondents of one party about another, in one round. */
    public record Count(UUID roundId, UUID fromPartyId, UUID toPartyId, int value, long n) {}

    /** The counts of several rounds at once (an empty list for none). */
    public List<Count> of(List<UUID> roundIds) {
        List<Count> counts = new ArrayList<>();
        if (roundIds.isEmpty()) {
            return counts;
        }
        List<?> rows = em.createNativeQuery("""
                select round_id, from_party_id, to_party_id, value, sum(n) from party_trust_count
                where round_id = any(cast(:rounds as uuid[]))
                group by round_id, from_party_id, to_party_id, value""")
                .setParameter("rounds", roundIds.toArray(UUID[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.add(new Count(
                    (UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).longValue()));
        }
        return counts;
    }
}
