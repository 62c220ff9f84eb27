package org.dialoog.feedback.service;

import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownEngagement;
import org.dialoog.feedback.store.RoundSearch;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and change which engagement's feedback, the same rule as engagement-service's:
 * admins and integrations the whole tenant, facilitators the engagements they facilitate,
 * clients the engagements that name them as contact.
 */
@ApplicationScoped
public class FeedbackAccess {

    private final Caller caller;

    FeedbackAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean canRead(@Nullable KnownEngagement e) {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.INTEGRATION)) {
            return true;
        }
        return e != null
                && ((caller.is(Caller.FACILITATOR) && contains(e.facilitators))
                        || (caller.is(Caller.CLIENT) && contains(e.clientContacts)));
    }

    public boolean canWrite(@Nullable KnownEngagement e) {
        return caller.is(Caller.ADMIN) || (e != null && caller.is(Caller.FACILITATOR) && contains(e.facilitators));
    }

    /** Texts written by respondents may name people: not for integrations. */
    public boolean mayReadTexts() {
        return !caller.is(Caller.INTEGRATION) || caller.is(Caller.ADMIN) || caller.is(Caller.FACILITATOR);
    }

    public KnownEngagement readableEngagement(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null || !canRead(e)) {
            throw DomainException.notFound("Engagement", engagementId);
        }
        return e;
    }

    /** An engagement the caller may run rounds for: 400 when unknown here, 403 when not the caller's. */
    public KnownEngagement writableEngagement(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null) {
            throw DomainException.invalid(
                    "engagementId",
                    "no engagement " + engagementId
                            + " is known here (a new one becomes known within a second of its creation)");
        }
        if (!canWrite(e)) {
            throw forbidden();
        }
        return e;
    }

    public FeedbackRound readableRound(UUID roundId) {
        FeedbackRound r = FeedbackRound.findById(roundId);
        if (r == null || !canRead(KnownEngagement.findById(r.engagementId))) {
            throw DomainException.notFound("Feedback round", roundId);
        }
        return r;
    }

    public FeedbackRound writableRound(UUID roundId) {
        FeedbackRound r = readableRound(roundId);
        if (!canWrite(KnownEngagement.findById(r.engagementId))) {
            throw forbidden();
        }
        return r;
    }

    /** Whose rounds the caller sees in a list. */
    public RoundSearch.Reach reach() {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.INTEGRATION)) {
            return RoundSearch.Reach.TENANT;
        }
        return caller.is(Caller.FACILITATOR) ? RoundSearch.Reach.FACILITATED : RoundSearch.Reach.CONTACT;
    }

    public String userId() {
        return caller.userId();
    }

    private boolean contains(String[] ids) {
        return ids != null && Arrays.asList(ids).contains(caller.userId());
    }

    private static DomainException forbidden() {
        return new DomainException(
                403, "Forbidden", "Only the engagement's facilitators or an admin can change its feedback.");
    }
}
