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

/** A member of the public signed up for an open session; the code that manages it is kept only as a hash. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    /** Where a registration stands; CONFIRMED holds a seat. */
    public enum Status {
        CONFIRMED,
        WAITLISTED,
        CANCELLED
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "session_id")
    public UUID sessionId;

    public String name;

    public String email;

    /** The language of the mails about this registration: nl or en. */
    public String language = "nl";

    @Column(name = "code_hash")
    public String codeHash;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    @Column(name = "waitlisted_at")
    public @Nullable OffsetDateTime waitlistedAt;

    @Column(name = "cancelled_at")
    public @Nullable OffsetDateTime cancelledAt;

    /** Confirms a new registration while a seat is free; otherwise it waits from the moment it registered. */
    public void admit(boolean seatFree) {
        status = seatFree ? Status.CONFIRMED : Status.WAITLISTED;
        waitlistedAt = status == Status.WAITLISTED ? registeredAt : null;
    }

    /** Cancels; cancelling again changes nothing. Returns whether this gave up a seat, which then goes to the waitlist. */
    public boolean cancel(OffsetDateTime now) {
        if (status == Status.CANCELLED) {
            return false;
        }
        boolean heldSeat = status == Status.CONFIRMED;
        status = Status.CANCELLED;
        cancelledAt = now;
        waitlistedAt = null;
        return heldSeat;
    }

    /** A seat came free and this registration waited longest for it. */
    public void seatFromWaitlist() {
        status = Status.CONFIRMED;
        waitlistedAt = null;
    }
}
