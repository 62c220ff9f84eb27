package org.dialoog.feedback.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.store.AnswerCounts;

/** The results publisher's steps, each in its own request context (a tenant per round) and transaction. */
@ApplicationScoped
public class ResultsPublication {

    private final AnswerCounts counts;
    private final Caller caller;
    private final ResultsService results;

    ResultsPublication(AnswerCounts counts, Caller caller, ResultsService results) {
        this.counts = counts;
        this.caller = caller;
        this.results = results;
    }

    /** Rounds of every tenant whose responses changed since their results were last published. */
    @ActivateRequestContext
    @Transactional
    public List<AnswerCounts.TenantRound> changed() {
        return counts.unpublished();
    }

    @ActivateRequestContext
    public void publishFor(String tenant, UUID roundId) {
        caller.actForTenant(tenant);
        results.publishIfChanged(roundId);
    }
}
