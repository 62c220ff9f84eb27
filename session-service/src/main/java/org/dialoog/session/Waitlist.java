package org.dialoog.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Who gets the seats of a session. Accepted invitations and confirmed public registrations share
 * them; a freed seat goes to whoever waited longest, across both. Pure rules: {@code service/Seats}
 * counts and loads under the session's row lock, so the counts it passes in are current.
 */
public final class Waitlist {

    private Waitlist() {}

    /** Who got a seat from the waitlist. */
    public record Promoted(List<Invitation> invitations, List<Registration> registrations) {}

    /** Seats still free when {@code taken} are taken; a session without a capacity has no limit. */
    public static int freeSeats(Integer capacity, int taken) {
        return capacity == null ? Integer.MAX_VALUE : Math.max(0, capacity - taken);
    }

    /**
     * Gives {@code freeSeats} seats to those waiting longest: each list in its waiting order
     * ({@code waitlistedAt}, then id), and an invitation before a registration that waited exactly
     * as long. Returns who was given a seat.
     */
    public static Promoted promote(
            int freeSeats, List<Invitation> waitingInvitations, List<Registration> waitingRegistrations) {
        List<Invitation> invitations = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        int i = 0;
        int r = 0;
        while (invitations.size() + registrations.size() < freeSeats
                && (i < waitingInvitations.size() || r < waitingRegistrations.size())) {
            Invitation invitation = i < waitingInvitations.size() ? waitingInvitations.get(i) : null;
            Registration registration = r < waitingRegistrations.size() ? waitingRegistrations.get(r) : null;
            if (registration == null
                    || invitation != null && !invitation.waitlistedAt.isAfter(registration.waitlistedAt)) {
                invitation.seatFromWaitlist();
                invitations.add(invitation);
                i++;
            } else {
                registration.seatFromWaitlist();
                registrations.add(registration);
                r++;
            }
        }
        return new Promoted(invitations, registrations);
    }
}
