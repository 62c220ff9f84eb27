package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.session.Invitation;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.KnownPartyLead;
import org.dialoog.session.PersonalLink;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.events.EventTypes;
import org.dialoog.session.events.SessionEvents;

/** Inviting participants to a session and recording their answers, within the session's capacity. */
@ApplicationScoped
@Transactional
public class InvitationService {

    private final EngagementAccess access;
    private final Seats seats;
    private final Outbox outbox;
    private final MessageDecisions decisions;

    InvitationService(EngagementAccess access, Seats seats, Outbox outbox, MessageDecisions decisions) {
        this.decisions = decisions;
        this.access = access;
        this.seats = seats;
        this.outbox = outbox;
    }

    /** The outcome of inviting: who is newly invited and who already was. */
    public record Invited(List<Invitation> created, List<UUID> alreadyInvited) {}

    /** Invites participants, and every current participant of the named parties; inviting twice changes nothing. */
    public Invited invite(UUID sessionId, List<UUID> participantIds, List<UUID> partyIds) {
        return invite(access.writable(sessionId), participantIds, partyIds);
    }

    /** Invites as {@link #invite(UUID, List, List)}, for a caller that may be a party lead holding {@code right}. */
    public Invited invite(UUID sessionId, List<UUID> participantIds, List<UUID> partyIds, KnownPartyLead.Right right) {
        access.writable(sessionId, right);
        return invite(Objects.requireNonNull(Session.<Session>findById(sessionId)), participantIds, partyIds);
    }

    private Invited invite(Session s, List<UUID> participantIds, List<UUID> partyIds) {
        requirePlanned(s);
        Map<UUID, KnownParticipant> wanted = new LinkedHashMap<>();
        List<DomainException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participantIds.size(); i++) {
            KnownParticipant p = KnownParticipant.findById(participantIds.get(i));
            if (p == null || !p.engagementId.equals(s.engagementId)) {
                errors.add(new DomainException.FieldError(
                        "participantIds[" + i + "]",
                        "no participant " + participantIds.get(i) + " of this session's engagement is known here"));
            } else {
                wanted.put(p.id, p);
            }
        }
        for (int i = 0; i < partyIds.size(); i++) {
            List<KnownParticipant> members = KnownParticipant.list(
                    "engagementId = ?1 and partyId = ?2", Sort.ascending("id"), s.engagementId, partyIds.get(i));
            if (members.isEmpty()) {
                errors.add(new DomainException.FieldError(
                        "partyIds[" + i + "]",
                        "no participants of party " + partyIds.get(i)
                                + " in this session's engagement are known here"));
            }
            members.forEach(p -> wanted.put(p.id, p));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (wanted.isEmpty()) {
            throw DomainException.invalid("participantIds", "name at least one participant or party");
        }
        List<Invitation> created = new ArrayList<>();
        List<UUID> already = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (KnownParticipant p : wanted.values()) {
            if (Invitation.count("sessionId = ?1 and participantId = ?2", s.id, p.id) > 0) {
                already.add(p.id);
                continue;
            }
            Invitation inv = new Invitation();
            inv.id = UUID.randomUUID();
            inv.sessionId = s.id;
            inv.participantId = p.id;
            inv.partyId = p.partyId;
            inv.status = Invitation.Status.INVITED;
            inv.invitedAt = now;
            inv.persist();
            created.add(inv);
            decisions.invited(s, inv);
        }
        return new Invited(created, already);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Invitation> list(UUID sessionId, Invitation.Status status, int page, int pageSize) {
        access.readable(sessionId);
        var q = status == null
                ? Invitation.<Invitation>find("sessionId", Sort.ascending("invitedAt", "participantId"), sessionId)
                : Invitation.<Invitation>find(
                        "sessionId = ?1 and status = ?2",
                        Sort.ascending("invitedAt", "participantId"),
                        sessionId,
                        status);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    /**
     * Records an invitee's answer. An acceptance beyond the capacity is waitlisted; a decline or
     * tentative answer from someone holding a seat frees it for the first on the waitlist.
     */
    public Invitation respond(UUID sessionId, UUID participantId, Invitation.Status response) {
        if (response == null || !response.isAnswer()) {
            throw DomainException.invalid("response", "must be ACCEPTED, DECLINED or TENTATIVE");
        }
        Session s = access.writable(sessionId);
        requirePlanned(s);
        Invitation inv = Invitation.<Invitation>find("sessionId = ?1 and participantId = ?2", s.id, participantId)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound(
                        "Invitation of participant", participantId + " to session " + sessionId));
        return answer(s, inv, response);
    }

    /**
     * The invitee's own answer through their personal link: the same rules as {@link #respond}; runs for
     * the link's tenant, set before this transaction began.
     */
    public Invitation respondByLink(UUID invitationId, Invitation.Status response) {
        if (response == null || !response.isAnswer()) {
            throw DomainException.invalid("response", "must be ACCEPTED, DECLINED or TENTATIVE");
        }
        Invitation found = Invitation.findById(invitationId);
        if (found == null) {
            throw PersonalLinkService.noLink();
        }
        Session s = access.lockedForPublic(found.sessionId);
        requirePlanned(s);
        // read again under the session's lock: a seat may have come to it from the waitlist meanwhile
        Invitation.getEntityManager().refresh(found);
        return answer(s, found, response);
    }

    private Invitation answer(Session s, Invitation inv, Invitation.Status response) {
        Invitation.Status before = inv.status;
        // seats are counted only when the answer asks for one
        boolean seatFree = inv.asksForSeat(response) && seats.free(s);
        boolean seatGivenUp = inv.answer(response, seatFree, OffsetDateTime.now(ZoneOffset.UTC));
        Invitation.flush();
        if (inv.status == Invitation.Status.WAITLISTED && before != Invitation.Status.WAITLISTED) {
            decisions.waitlisted(s, inv);
        }
        outbox.record(
                EventTypes.INVITATION_RESPONDED,
                s.engagementId,
                s.id,
                SessionEvents.InvitationResponded.of(s, inv, response, false));
        if (seatGivenUp) {
            seats.fillFreeSeats(s);
        }
        return inv;
    }

    /**
     * Takes an invitation back while the session is PLANNED: the invitee (unless they declined) gets a message with a
     * calendar CANCEL, the invitation and its personal link are gone (the link then answers like an unknown one), a
     * seat it held goes to the first on the waitlist, and the participant can be invited again later. 404 for a
     * participant who is not invited.
     */
    public void withdraw(UUID sessionId, UUID participantId) {
        Session s = access.writable(sessionId);
        requirePlanned(s);
        Invitation inv = Invitation.<Invitation>find("sessionId = ?1 and participantId = ?2", s.id, participantId)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound(
                        "Invitation of participant", participantId + " to session " + sessionId));
        boolean heldSeat = inv.status == Invitation.Status.ACCEPTED;
        if (inv.status != Invitation.Status.DECLINED) {
            decisions.withdrawn(s, inv);
        }
        PersonalLink.delete("kind = ?1 and subjectId = ?2", PersonalLink.Kind.INVITATION, inv.id);
        inv.delete();
        Invitation.flush();
        if (heldSeat) {
            seats.fillFreeSeats(s);
        }
    }

    private static void requirePlanned(Session s) {
        if (s.status != SessionStatus.PLANNED) {
            throw DomainException.conflict(
                    "Session " + s.id + " is " + s.status + "; invitations change only while it is PLANNED.");
        }
    }
}
