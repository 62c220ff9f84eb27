package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.dialoog.conventions.domain.DomainException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A scheduled meeting of an engagement. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Enumerated(EnumType.STRING)
    public SessionType type;

    public String title;

    public @Nullable String description;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "location_mode")
    public String locationMode;

    @Column(name = "location_address")
    public @Nullable String locationAddress;

    @Column(name = "location_url")
    public @Nullable String locationUrl;

    public @Nullable Integer capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] facilitators;

    /** When reminders go out, before the start: ISO-8601 durations such as PT48H. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] reminders;

    @Column(name = "open_registration")
    public boolean openRegistration;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<AgendaItem> agenda;

    @Column(name = "completed_at")
    public @Nullable OffsetDateTime completedAt;

    @Column(name = "cancel_reason")
    public @Nullable String cancelReason;

    /** iCalendar SEQUENCE: rises on every reschedule. */
    public int sequence;

    @Version
    public long version;

    /** Who initiated it: null for a facilitator or admin, else the party whose lead did. */
    @Column(name = "initiated_by_party_id")
    public @org.jspecify.annotations.Nullable UUID initiatedByPartyId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Whether the session has begun at {@code now}: attendance and completion wait for it, registration closes with it. */
    public boolean hasStarted(OffsetDateTime now) {
        return !startsAt.isAfter(now);
    }

    /** A session's details change only while it is PLANNED (409 otherwise). */
    public void requireChangeable() {
        if (status != SessionStatus.PLANNED) {
            throw notPlanned("changed");
        }
    }

    /** A session's outcome is written while it is PLANNED (during the meeting) and once COMPLETED; not when CANCELLED (409). */
    public void requireOutcomeWritable() {
        if (status == SessionStatus.CANCELLED) {
            throw DomainException.conflict(
                    "Session " + id + " is CANCELLED; an outcome is recorded only for a PLANNED or COMPLETED session.");
        }
    }

    /** Moves to COMPLETED: only a PLANNED session that has started (409 otherwise). */
    public void complete(OffsetDateTime now) {
        requireMoveTo(SessionStatus.COMPLETED, "completed");
        if (!hasStarted(now)) {
            throw DomainException.conflict(
                    "Session " + id + " starts at " + startsAt + "; it can be completed only after it started.");
        }
        status = SessionStatus.COMPLETED;
        completedAt = now;
        updatedAt = now;
    }

    /** Moves to CANCELLED with a reason: only a PLANNED session (409 otherwise); calendars see a new SEQUENCE. */
    public void cancel(String reason, OffsetDateTime now) {
        requireMoveTo(SessionStatus.CANCELLED, "cancelled");
        status = SessionStatus.CANCELLED;
        cancelReason = reason;
        sequence++;
        updatedAt = now;
    }

    /**
     * A facilitator of this session who is also booked in {@code other} at an overlapping time, or
     * empty. Only another PLANNED session can clash; one that ends as this one starts does not.
     */
    public Optional<String> facilitatorClashWith(Session other) {
        if (Objects.equals(other.id, id) || other.status != SessionStatus.PLANNED || !overlaps(other)) {
            return Optional.empty();
        }
        List<String> theirs = Arrays.asList(other.facilitators);
        return Arrays.stream(facilitators).filter(theirs::contains).findFirst();
    }

    /** Whether the two sessions share some time; touching ends do not. */
    public boolean overlaps(Session other) {
        return other.startsAt.isBefore(endsAt) && other.endsAt.isAfter(startsAt);
    }

    private void requireMoveTo(SessionStatus next, String what) {
        if (!status.canMoveTo(next)) {
            throw notPlanned(what);
        }
    }

    private DomainException notPlanned(String what) {
        return DomainException.conflict(
                "Session " + id + " is " + status + "; only a PLANNED session can be " + what + ".");
    }
}
