package org.dialoog.session.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.EngagementCopies;
import org.dialoog.conventions.security.Caller;
import org.dialoog.conventions.security.EngagementScope;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownPartyLead;
import org.dialoog.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and change which engagement's sessions, the same rule as engagement-service's:
 * admins and integrations see everything in their tenant, facilitators the engagements they
 * facilitate, clients the engagements that list them as contact. With mixed roles each role counts
 * only where the engagement names the caller in it: only admins and the engagement's own
 * facilitators change it, so a facilitator who is merely its client contact only reads.
 */
@ApplicationScoped
public class EngagementAccess {

    private final Caller caller;

    EngagementAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean canRead(KnownEngagement e) {
        return caller.is(Caller.ADMIN)
                || caller.is(Caller.INTEGRATION)
                || facilitates(e)
                || isClientContactOf(e)
                || lead(e) != null;
    }

    /** Whether the caller may read this session (the rule of {@link #readable}, without the 404). */
    public boolean canRead(Session s) {
        return canRead(engagementOf(s));
    }

    public boolean canWrite(KnownEngagement e) {
        return caller.is(Caller.ADMIN) || facilitates(e);
    }

    /** A session the caller may read, or 404 (so ids of other engagements do not leak). */
    public Session readable(UUID sessionId) {
        Session s = Session.findById(sessionId);
        if (s == null || !canRead(engagementOf(s))) {
            throw DomainException.notFound("Session", sessionId);
        }
        return s;
    }

    /**
     * A session the caller may change, locked for the rest of the transaction: 404 when the
     * caller may not even read it, 403 when it may only read it.
     */
    public Session writable(UUID sessionId) {
        // the row lock serialises every change of one session, so seats are never given out twice
        return manageable(Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE), sessionId);
    }

    /** A session whose details (registrations with names) only those who may change it see. */
    public Session manageable(UUID sessionId) {
        return manageable(Session.findById(sessionId), sessionId);
    }

    private Session manageable(Session s, UUID sessionId) {
        if (s == null || !canRead(engagementOf(s))) {
            throw DomainException.notFound("Session", sessionId);
        }
        if (!canWrite(engagementOf(s))) {
            throw forbidden();
        }
        return s;
    }

    /**
     * A session for an unauthenticated public caller (registration), locked like {@link #writable};
     * the tenant was set from the session itself before this transaction began.
     */
    public Session lockedForPublic(UUID sessionId) {
        Session s = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw DomainException.notFound("Session", sessionId);
        }
        return s;
    }

    /**
     * An engagement the caller may plan for: the "not yet known" problem when unknown here (409 with Retry-After), 403
     * when not the caller's to plan.
     */
    public KnownEngagement plannable(UUID engagementId, String field) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        // one answer for an engagement that does not exist and one the caller cannot see: ids do not leak
        if (e == null || !canRead(e)) {
            throw EngagementCopies.unknown(engagementId, field, "session-service", "plan for");
        }
        if (!canWrite(e)) {
            throw forbidden();
        }
        return e;
    }

    /** Who changes something: a facilitator or admin ({@code partyId} null), or a party lead for its party. */
    public record Initiator(@Nullable UUID partyId) {
        static final Initiator FACILITATOR = new Initiator(null);
    }

    /**
     * An engagement the caller may plan for, as {@link #plannable(UUID, String)}, or as a party lead holding
     * {@code right} in it (403 without it).
     */
    public Initiator plannable(UUID engagementId, String field, KnownPartyLead.Right right) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        KnownPartyLead lead = e == null || canWrite(e) ? null : lead(e);
        if (lead == null) {
            plannable(engagementId, field);
            return Initiator.FACILITATOR;
        }
        if (!lead.may(right)) {
            throw forbiddenFor(right);
        }
        return new Initiator(lead.partyId);
    }

    /**
     * A session the caller may change, locked as {@link #writable(UUID)}, or as a party lead of its engagement
     * holding {@code right} (403 without it).
     */
    public Initiator writable(UUID sessionId, KnownPartyLead.Right right) {
        Session s = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !canRead(engagementOf(s))) {
            throw DomainException.notFound("Session", sessionId);
        }
        return changeable(engagementOf(s), right);
    }

    /**
     * Whether the caller may change something of this readable engagement: as a facilitator or admin, or as a party
     * lead holding {@code right} (403 otherwise).
     */
    public Initiator changeable(KnownEngagement e, KnownPartyLead.Right right) {
        if (canWrite(e)) {
            return Initiator.FACILITATOR;
        }
        KnownPartyLead lead = lead(e);
        if (lead == null) {
            throw forbidden();
        }
        if (!lead.may(right)) {
            throw forbiddenFor(right);
        }
        return new Initiator(lead.partyId);
    }

    /** The caller's grant as a party lead of the engagement, while it holds a right; else null. */
    private @Nullable KnownPartyLead lead(KnownEngagement e) {
        if (e.id == null || !caller.is(Caller.PARTY_LEAD)) {
            return null;
        }
        return KnownPartyLead.of(e.id, caller.userId());
    }

    private static DomainException forbiddenFor(KnownPartyLead.Right right) {
        return new DomainException(
                403, "Forbidden", "The caller's party-lead grant for this engagement lacks the right " + right + ".");
    }

    /**
     * Whose sessions the caller may list: the whole tenant, or the engagements naming them in one of their roles,
     * or in which they lead a party.
     */
    public EngagementScope listScope() {
        return EngagementScope.of(caller).withLeadEngagements(KnownPartyLead.ENGAGEMENTS_LED);
    }

    private static KnownEngagement engagementOf(Session s) {
        KnownEngagement e = KnownEngagement.findById(s.engagementId);
        if (e == null) {
            // the engagement was forgotten (deleted draft); its sessions stay readable for admins only
            e = new KnownEngagement();
            e.facilitators = new String[0];
            e.clientContacts = new String[0];
        }
        return e;
    }

    private boolean facilitates(KnownEngagement e) {
        return caller.is(Caller.FACILITATOR) && caller.isOneOf(e.facilitators);
    }

    private boolean isClientContactOf(KnownEngagement e) {
        return caller.is(Caller.CLIENT) && caller.isOneOf(e.clientContacts);
    }

    private static DomainException forbidden() {
        return new DomainException(
                403, "Forbidden", "Only the engagement's facilitators or an admin can change its sessions.");
    }
}
