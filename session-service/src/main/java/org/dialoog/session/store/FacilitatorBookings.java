package org.dialoog.session.store;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;

/**
 * Facilitators' bookings: the transaction-scoped advisory locks that serialise them, and the
 * planned sessions a booking could clash with. No row or unique constraint guards "one place at
 * a time" (facilitators are an array), so the lock is what makes the check hold under concurrency.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FacilitatorBookings {

    private final EntityManager em;

    FacilitatorBookings(EntityManager em) {
        this.em = em;
    }

    /** Waits for, then holds until the transaction ends, each facilitator's booking lock in the tenant. */
    public void lock(String tenant, String[] facilitators) {
        // in sorted order, so two bookings that share facilitators cannot deadlock
        String[] sorted = facilitators.clone();
        Arrays.sort(sorted);
        for (String facilitator : sorted) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                    .setParameter("key", "facilitator:" + tenant + ":" + facilitator)
                    .getSingleResult();
        }
    }

    /** The PLANNED sessions other than {@code s} that overlap its time, earliest first. */
    public List<Session> plannedOverlapping(Session s) {
        return Session.list(
                "status = ?1 and startsAt < ?2 and endsAt > ?3 and id <> ?4",
                Sort.ascending("startsAt"),
                SessionStatus.PLANNED,
                s.endsAt,
                s.startsAt,
                s.id);
    }
}
