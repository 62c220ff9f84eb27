package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One participant asked to come to one session, and their answer. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    /** Where an invitation stands; only ACCEPTED holds a seat. */
    public enum Status {
        INVITED,
        ACCEPTED,
        TENTATIVE,
        DECLINED,
        WAITLISTED;

        /** Whether an invitee may give this as an answer; the others are where an answer leaves them. */
        public boolean isAnswer() {
            return this == ACCEPTED || this == DECLINED || this == TENTATIVE;
        }
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "party_id")
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "invited_at")
    public OffsetDateTime invitedAt;

    @Column(name = "responded_at")
    public @Nullable OffsetDateTime respondedAt;

    @Column(name = "waitlisted_at")
    public @Nullable OffsetDateTime waitlistedAt;

    /** Whether this answer asks for a seat: an acceptance from someone neither seated nor waiting for one. */
    public boolean asksForSeat(Status response) {
        return response == Status.ACCEPTED && status != Status.ACCEPTED && status != Status.WAITLISTED;
    }

    /**
     * Records an answer. An acceptance that asks for a seat takes one when {@code seatFree} and
     * otherwise joins the waitlist; accepting again keeps the seat or the place in line. DECLINED
     * and TENTATIVE hold no seat. Returns whether the answer gave up a seat, which then goes to
     * the waitlist.
     */
    public boolean answer(Status response, boolean seatFree, OffsetDateTime now) {
        Status before = status;
        if (response == Status.ACCEPTED) {
            if (asksForSeat(response)) {
                status = seatFree ? Status.ACCEPTED : Status.WAITLISTED;
                waitlistedAt = status == Status.WAITLISTED ? now : null;
            }
        } else {
            status = response;
            waitlistedAt = null;
        }
        respondedAt = now;
        return before == Status.ACCEPTED && status != Status.ACCEPTED;
    }

    /** A seat came free and this invitation waited longest for it. */
    public void seatFromWaitlist() {
        status = Status.ACCEPTED;
        waitlistedAt = null;
    }
}
