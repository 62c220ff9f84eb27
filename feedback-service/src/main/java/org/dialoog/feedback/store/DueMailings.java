package org.dialoog.feedback.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The rounds of every tenant the mailing job has work for: MAIL rounds that opened and are not mailed
 * yet (an ATTENDEES round once its session's attendance is known), and mailed rounds due for their
 * automatic reminder. Only candidates: the work itself re-checks under the round's row lock.
 */
@ApplicationScoped
public class DueMailings {

    private final EntityManager em;

    DueMailings(EntityManager em) {
        this.em = em;
    }

    /** A round of a tenant. */
    public record TenantRound(String tenant, UUID roundId) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public List<TenantRound> toMail() {
        // across tenants on purpose: the native query names no tenant-scoped entity
        return rounds(em.createNativeQuery("""
                select r.tenant, r.id from feedback_round r
                where r.delivery = 'MAIL' and r.mailed_at is null and r.closed_at is null and r.audience <> 'PUBLIC'
                  and (r.opens_at is null or r.opens_at <= now()) and (r.closes_at is null or r.closes_at > now())
                  and (r.audience <> 'ATTENDEES' or exists (select 1 from session_attendee a where a.session_id = r.session_id))
                order by r.opens_at nulls first limit 100""").getResultList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<TenantRound> toRemind(Duration beforeClose) {
        return rounds(em.createNativeQuery("""
                select r.tenant, r.id from feedback_round r
                where r.delivery = 'MAIL' and r.mailed_at is not null and r.auto_reminded_at is null and r.closed_at is null
                  and r.closes_at > now() and r.closes_at <= now() + cast(:before as interval)
                order by r.closes_at limit 100""")
                .setParameter("before", beforeClose.toSeconds() + " seconds")
                .getResultList());
    }

    private static List<TenantRound> rounds(List<?> rows) {
        List<TenantRound> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.add(new TenantRound((String) r[0], (UUID) r[1]));
        }
        return out;
    }
}
