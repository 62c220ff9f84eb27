package org.dialoog.feedback.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.store.DueMailings;

/** The mailing job's steps, each in its own request context (a tenant per round) and transaction. */
@ApplicationScoped
public class RoundMailingSteps {

    private final DueMailings due;
    private final Caller caller;
    private final RoundService rounds;
    private final RoundMailing mailing;

    RoundMailingSteps(DueMailings due, Caller caller, RoundService rounds, RoundMailing mailing) {
        this.due = due;
        this.caller = caller;
        this.rounds = rounds;
        this.mailing = mailing;
    }

    /** Rounds of every tenant that opened and wait for their mail. */
    @ActivateRequestContext
    @Transactional
    public List<DueMailings.TenantRound> toMail() {
        return due.toMail();
    }

    /** Rounds of every tenant due for their automatic reminder; none when that is switched off. */
    @ActivateRequestContext
    @Transactional
    public List<DueMailings.TenantRound> toRemind() {
        return mailing.remindBeforeClose().map(due::toRemind).orElse(List.of());
    }

    @ActivateRequestContext
    public int mail(String tenant, UUID roundId) {
        caller.actForTenant(tenant);
        return rounds.mailIfDue(roundId);
    }

    @ActivateRequestContext
    public int remind(String tenant, UUID roundId) {
        caller.actForTenant(tenant);
        return mailing.remindBeforeClose()
                .map(before -> rounds.remindBeforeCloseIfDue(roundId, before))
                .orElse(0);
    }
}
