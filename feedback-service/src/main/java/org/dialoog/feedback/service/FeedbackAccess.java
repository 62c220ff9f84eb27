package org.dialoog.feedback.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.EngagementCopies;
import org.dialoog.conventions.security.Caller;
import org.dialoog.conventions.security.EngagementScope;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownEngagement;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and change which engagement's feedback, the same rule as engagement-service's:
 * admins and integrations see the whole tenant, facilitators the engagements they facilitate,
 * clients the engagements that name them as contact. With mixed roles each role counts only where
 * the engagement names the caller in it: only admins and the engagement's own facilitators change
 * it, so a facilitator who is merely its client contact only reads.
 */
@ApplicationScoped
public class FeedbackAccess {

    private final Caller caller;

    FeedbackAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean canRead(@Nullable KnownEngagement e) {
        return caller.is(Caller.ADMIN)
                || caller.is(Caller.INTEGRATION)
                || (e != null && (facilitates(e) || isClientContactOf(e)));
    }

    public boolean canWrite(@Nullable KnownEngagement e) {
        return caller.is(Caller.ADMIN) || (e != null && facilitates(e));
    }

    /**
     * Texts written by respondents may name people: for admins and the round's own facilitators and
     * client contacts, never for an integration by that role alone.
     */
    public boolean mayReadTexts(FeedbackRound round) {
        KnownEngagement e = KnownEngagement.findById(round.engagementId);
        return caller.is(Caller.ADMIN) || (e != null && (facilitates(e) || isClientContactOf(e)));
    }

    public KnownEngagement readableEngagement(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null || !canRead(e)) {
            throw DomainException.notFound("Engagement", engagementId);
        }
        return e;
    }

    /**
     * An engagement the caller may run rounds for: the "not yet known" problem when unknown here (409 with
     * Retry-After: a new engagement may still be on its way, or the id is wrong; this service cannot tell), 403 when
     * not the caller's.
     */
    public KnownEngagement writableEngagement(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        // one answer for an engagement that does not exist and one the caller cannot see: ids do not leak
        if (e == null || !canRead(e)) {
            throw EngagementCopies.unknown(engagementId, "engagementId", "feedback-service", "run rounds for");
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

    /** Whose rounds the caller lists: the tenant's, or those of the engagements that name them in one of its roles. */
    public EngagementScope listScope() {
        return EngagementScope.of(caller);
    }

    public String userId() {
        return caller.userId();
    }

    private boolean facilitates(KnownEngagement e) {
        return caller.is(Caller.FACILITATOR) && caller.isOneOf(e.facilitators);
    }

    private boolean isClientContactOf(KnownEngagement e) {
        return caller.is(Caller.CLIENT) && caller.isOneOf(e.clientContacts);
    }

    private static DomainException forbidden() {
        return new DomainException(
                403, "Forbidden", "Only the engagement's facilitators or an admin can change its feedback.");
    }
}
