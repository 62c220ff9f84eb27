package org.dialoog.session.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.session.Invitation;
import org.dialoog.session.Registration;
import org.dialoog.session.Session;
import org.dialoog.session.messaging.EventTypes;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.session.messaging.SessionEvents;

/**
 * The seats of a session, shared by accepted invitations and confirmed public registrations.
 * Callers hold the session's row lock ({@link EngagementAccess#writable}), so counting and
 * taking a seat happen as one step and the capacity is never exceeded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Seats {

    private final Outbox outbox;

    Seats(Outbox outbox) {
        this.outbox = outbox;
    }

    public int taken(UUID sessionId) {
        return (int) (Invitation.count("sessionId = ?1 and status = ?2", sessionId, Invitation.Status.ACCEPTED)
                + Registration.count("sessionId = ?1 and status = ?2", sessionId, Registration.Status.CONFIRMED));
    }

    public boolean free(Session s) {
        return s.capacity == null || taken(s.id) < s.capacity;
    }

    /** Participants still expected: every invitation that was not declined. */
    public List<UUID> invitees(UUID sessionId) {
        return Invitation.<Invitation>list("sessionId = ?1 and status <> ?2", Sort.ascending("participantId"),
                sessionId, Invitation.Status.DECLINED).stream().map(i -> i.participantId).toList();
    }

    /** Gives free seats to the waitlist, first come first served across invitations and registrations. */
    public void fillFreeSeats(Session s) {
        while (free(s)) {
            Invitation invitation = Invitation.<Invitation>find("sessionId = ?1 and status = ?2",
                    Sort.ascending("waitlistedAt", "id"), s.id, Invitation.Status.WAITLISTED).firstResult();
            Registration registration = Registration.<Registration>find("sessionId = ?1 and status = ?2",
                    Sort.ascending("waitlistedAt", "id"), s.id, Registration.Status.WAITLISTED).firstResult();
            if (invitation == null && registration == null) {
                return;
            }
            if (registration == null || invitation != null && !invitation.waitlistedAt.isAfter(registration.waitlistedAt)) {
                invitation.status = Invitation.Status.ACCEPTED;
                invitation.waitlistedAt = null;
                Invitation.flush();
                outbox.record(EventTypes.INVITATION_RESPONDED, s.engagementId, s.id,
                        SessionEvents.InvitationResponded.of(s, invitation, Invitation.Status.ACCEPTED, true));
            } else {
                registration.status = Registration.Status.CONFIRMED;
                registration.waitlistedAt = null;
                Registration.flush();
            }
        }
    }

    /** What an acceptance becomes now: a seat while one is free, otherwise a place on the waitlist. */
    public Invitation.Status acceptOrWaitlist(Session s) {
        return free(s) ? Invitation.Status.ACCEPTED : Invitation.Status.WAITLISTED;
    }
}
