package org.dialoog.feedback.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.service.ResultsService;

/** The publisher's steps, each in its own request context (a tenant per round) and transaction. */
@ApplicationScoped
public class ResultsPublication {

    private final EntityManager em;
    private final Caller caller;
    private final ResultsService results;

    ResultsPublication(EntityManager em, Caller caller, ResultsService results) {
        this.em = em;
        this.caller = caller;
        this.results = results;
    }

    @ActivateRequestContext
    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> changed() {
        // across tenants on purpose: the native query names no tenant-scoped entity
        return em.createNativeQuery("""
                select r.tenant, r.id from feedback_round r
                join (select round_id, sum(n) as n from answer_count where question_key = '' group by round_id) c on c.round_id = r.id
                where c.n <> r.published_responses""").getResultList();
    }

    @ActivateRequestContext
    void publishFor(String tenant, UUID roundId) {
        caller.actForTenant(tenant);
        results.publishIfChanged(roundId);
    }
}
