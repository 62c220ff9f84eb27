package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
    public static int freeSeats(@Nullable Integer capacity, int taken) {
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
            if (invitation != null
                    && (registration == null || !waitingSince(invitation).isAfter(waitingSince(registration)))) {
                invitation.seatFromWaitlist();
                invitations.add(invitation);
                i++;
            } else {
                // the loop runs only while someone waits, so with no invitation next there is a registration
                Objects.requireNonNull(registration, "no one waits");
                registration.seatFromWaitlist();
                registrations.add(registration);
                r++;
            }
        }
        return new Promoted(invitations, registrations);
    }

    private static OffsetDateTime waitingSince(Invitation i) {
        return Objects.requireNonNull(i.waitlistedAt, "a waiting invitation has waitlistedAt");
    }

    private static OffsetDateTime waitingSince(Registration r) {
        return Objects.requireNonNull(r.waitlistedAt, "a waiting registration has waitlistedAt");
    }
}
