package org.dialoog.session.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.session.Invitation;
import org.dialoog.session.Registration;
import org.dialoog.session.Session;
import org.dialoog.session.Waitlist;
import org.dialoog.session.events.EventTypes;
import org.dialoog.session.events.SessionEvents;

/**
 * The seats of a session, shared by accepted invitations and confirmed public registrations.
 * Callers hold the session's row lock ({@link EngagementAccess#writable}), so counting and
 * taking a seat happen as one step and the capacity is never exceeded; {@link Waitlist} decides.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Seats {

    private final Outbox outbox;
    private final MessageDecisions decisions;

    Seats(Outbox outbox, MessageDecisions decisions) {
        this.outbox = outbox;
        this.decisions = decisions;
    }

    public int taken(UUID sessionId) {
        return (int) (Invitation.count("sessionId = ?1 and status = ?2", sessionId, Invitation.Status.ACCEPTED)
                + Registration.count("sessionId = ?1 and status = ?2", sessionId, Registration.Status.CONFIRMED));
    }

    public boolean free(Session s) {
        return Waitlist.freeSeats(s.capacity, taken(s.id)) > 0;
    }

    /** Participants still expected: every invitation that was not declined. */
    public List<UUID> invitees(UUID sessionId) {
        return Invitation.<Invitation>list(
                        "sessionId = ?1 and status <> ?2",
                        Sort.ascending("participantId"),
                        sessionId,
                        Invitation.Status.DECLINED)
                .stream()
                .map(i -> i.participantId)
                .toList();
    }

    /** Gives free seats to the waitlist, first come first served across invitations and registrations. */
    public void fillFreeSeats(Session s) {
        int free = Waitlist.freeSeats(s.capacity, taken(s.id));
        if (free == 0) {
            return;
        }
        // only the first `free` of each line can get a seat
        List<Invitation> invitations = Invitation.<Invitation>find(
                        "sessionId = ?1 and status = ?2",
                        Sort.ascending("waitlistedAt", "id"),
                        s.id,
                        Invitation.Status.WAITLISTED)
                .range(0, free - 1)
                .list();
        List<Registration> registrations = Registration.<Registration>find(
                        "sessionId = ?1 and status = ?2",
                        Sort.ascending("waitlistedAt", "id"),
                        s.id,
                        Registration.Status.WAITLISTED)
                .range(0, free - 1)
                .list();
        Waitlist.Promoted promoted = Waitlist.promote(free, invitations, registrations);
        Invitation.flush();
        for (Invitation invitation : promoted.invitations()) {
            outbox.record(
                    EventTypes.INVITATION_RESPONDED,
                    s.engagementId,
                    s.id,
                    SessionEvents.InvitationResponded.of(s, invitation, Invitation.Status.ACCEPTED, true));
            decisions.movedUp(s, invitation);
        }
        for (Registration registration : promoted.registrations()) {
            decisions.movedUp(s, registration);
        }
    }
}
