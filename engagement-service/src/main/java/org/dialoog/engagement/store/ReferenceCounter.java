package org.dialoog.engagement.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.dialoog.conventions.security.Caller;

/** The running number of engagement references per tenant and year, one upsert so concurrent creates never share one. */
@ApplicationScoped
public class ReferenceCounter {

    private final Caller caller;
    private final EntityManager em;

    ReferenceCounter(Caller caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /** The next number of the caller's tenant in {@code year}, starting at 1. */
    public long next(int year) {
        // native SQL is not scoped by Hibernate's tenant filter, so the statement names the tenant itself
        Number n = (Number) em.createNativeQuery("""
                insert into reference_counter (tenant, year, last_value) values (?1, ?2, 1)
                on conflict (tenant, year) do update set last_value = reference_counter.last_value + 1
                returning last_value""")
                .setParameter(1, caller.tenant().orElseThrow())
                .setParameter(2, year)
                .getSingleResult();
        return n.longValue();
    }
}
