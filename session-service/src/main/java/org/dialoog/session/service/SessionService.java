package org.dialoog.session.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.session.Attendance;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.SessionType;
import org.dialoog.session.messaging.EventTypes;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.session.messaging.SessionEvents;
import org.dialoog.session.rest.SessionRequest;
import org.dialoog.conventions.security.Caller;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;

/** Scheduling, changing, cancelling and completing the sessions of active engagements. */
@ApplicationScoped
@Transactional
public class SessionService {

    public static final String DEFAULT_TIME_ZONE = "Europe/Amsterdam";

    private final Outbox outbox;
    private final Caller caller;
    private final EngagementAccess access;
    private final Seats seats;
    private final EntityManager em;

    SessionService(Outbox outbox, Caller caller, EngagementAccess access, Seats seats, EntityManager em) {
        this.outbox = outbox;
        this.caller = caller;
        this.access = access;
        this.seats = seats;
        this.em = em;
    }

    public Session schedule(SessionRequest r) {
        List<DomainException.FieldError> errors = checkTimes(r);
        KnownEngagement engagement = KnownEngagement.findById(r.engagementId());
        if (engagement == null) {
            errors.add(new DomainException.FieldError("engagementId", "no engagement " + r.engagementId()
                    + " is known here (a new one becomes known within a second of its creation)"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        access.plannable(r.engagementId(), "engagementId");
        if (!engagement.isActive()) {
            throw DomainException.conflict("Engagement " + r.engagementId() + " is " + engagement.status
                    + "; sessions can only be scheduled for an ACTIVE engagement.");
        }
        Session s = new Session();
        s.id = UUID.randomUUID();
        s.engagementId = r.engagementId();
        s.type = r.type();
        apply(s, r);
        if (s.facilitators.length == 0 && caller.is(Caller.FACILITATOR)) {
            s.facilitators = new String[] {caller.userId()};
        }
        checkFacilitatorsFree(s);
        s.status = SessionStatus.PLANNED;
        s.createdAt = OffsetDateTime.now();
        s.updatedAt = s.createdAt;
        s.persist();
        outbox.record(EventTypes.SESSION_SCHEDULED, s.engagementId, s.id, SessionEvents.Scheduled.of(s));
        return s;
    }

    /** The current session, checked for the caller's right to change it and the expected version. */
    public Session writable(UUID id, Long expectedVersion) {
        Session s = access.writable(id);
        if (expectedVersion != null && expectedVersion != s.version) {
            throw DomainException.staleVersion(expectedVersion, s.version);
        }
        return s;
    }

    /**
     * Changes a planned session. A change of time is a reschedule: invitations stay, the
     * iCalendar SEQUENCE rises and invitees learn it from a SessionRescheduled event.
     */
    public Session update(UUID id, Long expectedVersion, SessionRequest r) {
        Session s = writable(id, expectedVersion);
        requirePlanned(s, "changed");
        List<DomainException.FieldError> errors = checkTimes(r);
        if (!r.engagementId().equals(s.engagementId)) {
            errors.add(new DomainException.FieldError("engagementId", "a session cannot move to another engagement"));
        }
        if (r.type() != s.type) {
            errors.add(new DomainException.FieldError("type", "the type of a session cannot change; cancel it and schedule another"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        OffsetDateTime previousStart = s.startsAt;
        OffsetDateTime previousEnd = s.endsAt;
        String previousZone = s.timeZone;
        Integer previousCapacity = s.capacity;
        apply(s, r);
        checkFacilitatorsFree(s);
        int taken = seats.taken(s.id);
        if (s.capacity != null && s.capacity < taken) {
            throw DomainException.conflict("Capacity " + s.capacity + " is below the " + taken
                    + " seats already taken; ask people to decline first or keep a capacity of at least " + taken + ".");
        }
        boolean rescheduled = !s.startsAt.isEqual(previousStart) || !s.endsAt.isEqual(previousEnd)
                || !s.timeZone.equals(previousZone);
        if (rescheduled) {
            s.sequence++;
        }
        s.updatedAt = OffsetDateTime.now();
        Session.flush();
        if (rescheduled) {
            outbox.record(EventTypes.SESSION_RESCHEDULED, s.engagementId, s.id,
                    SessionEvents.Rescheduled.of(s, previousStart, previousEnd, seats.invitees(s.id)));
        }
        if (!Objects.equals(previousCapacity, s.capacity)) {
            seats.fillFreeSeats(s);
        }
        return s;
    }

    /** Cancels a planned session; a completed or cancelled one cannot be cancelled (409). */
    public Session cancel(UUID id, Long expectedVersion, String reason) {
        Session s = writable(id, expectedVersion);
        requirePlanned(s, "cancelled");
        cancel(s, reason);
        return s;
    }

    /** Completes a session that has started; the event carries who attended and their parties. */
    public Session complete(UUID id, Long expectedVersion) {
        Session s = writable(id, expectedVersion);
        requirePlanned(s, "completed");
        if (s.startsAt.isAfter(OffsetDateTime.now())) {
            throw DomainException.conflict("Session " + id + " starts at " + s.startsAt
                    + "; it can be completed only after it started.");
        }
        s.status = SessionStatus.COMPLETED;
        s.completedAt = OffsetDateTime.now();
        s.updatedAt = s.completedAt;
        Session.flush();
        List<Attendance> present = Attendance.list("sessionId = ?1 and present = true", Sort.ascending("participantId"), s.id);
        outbox.record(EventTypes.SESSION_COMPLETED, s.engagementId, s.id, SessionEvents.Completed.of(s, present));
        return s;
    }

    /** When an engagement closes, its sessions still to come are cancelled with that reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelUpcoming(UUID engagementId, String reason) {
        List<Session> upcoming = Session.list("engagementId = ?1 and status = ?2 and startsAt > ?3",
                engagementId, SessionStatus.PLANNED, OffsetDateTime.now());
        upcoming.forEach(s -> cancel(s, reason));
        return upcoming.size();
    }

    private void cancel(Session s, String reason) {
        s.status = SessionStatus.CANCELLED;
        s.cancelReason = reason;
        s.sequence++;
        s.updatedAt = OffsetDateTime.now();
        Session.flush();
        outbox.record(EventTypes.SESSION_CANCELLED, s.engagementId, s.id, SessionEvents.Cancelled.of(s, seats.invitees(s.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Session find(UUID id) {
        return access.readable(id);
    }

    /** What a list of sessions may be narrowed to; every field is optional. */
    public record Filter(UUID engagementId, OffsetDateTime from, OffsetDateTime to, SessionType type,
                         SessionStatus status, String facilitator) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Session> list(Filter f, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        EngagementAccess.Condition visible = access.listCondition();
        if (!visible.hql().isEmpty()) {
            where.add(visible.hql());
            params.putAll(visible.parameters());
        }
        if (f.engagementId() != null) {
            where.add("engagementId = :engagementId");
            params.put("engagementId", f.engagementId());
        }
        if (f.from() != null) {
            where.add("endsAt > :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("startsAt < :to");
            params.put("to", f.to());
        }
        if (f.type() != null) {
            where.add("type = :type");
            params.put("type", f.type());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status());
        }
        if (f.facilitator() != null) {
            where.add("array_contains(facilitators, :facilitator)");
            params.put("facilitator", f.facilitator());
        }
        var q = Session.<Session>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("startsAt", "id"), params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    private static void requirePlanned(Session s, String what) {
        if (s.status != SessionStatus.PLANNED) {
            throw DomainException.conflict("Session " + s.id + " is " + s.status + "; only a PLANNED session can be " + what + ".");
        }
    }

    private static void apply(Session s, SessionRequest r) {
        s.title = r.title().strip();
        s.description = r.description();
        s.agenda = r.agenda() == null ? List.of() : List.copyOf(r.agenda());
        s.startsAt = r.startsAt();
        s.endsAt = r.endsAt();
        s.timeZone = r.timeZone() == null ? DEFAULT_TIME_ZONE : r.timeZone();
        s.locationMode = r.location().mode().name();
        s.locationAddress = r.location().address();
        s.locationUrl = r.location().url();
        s.capacity = r.capacity();
        s.facilitators = new LinkedHashSet<>(r.facilitators() == null ? List.of() : r.facilitators()).toArray(String[]::new);
        s.openRegistration = r.openRegistration();
    }

    /**
     * A facilitator cannot be in two places at once. The check holds under concurrent requests:
     * each facilitator's bookings are serialised by a transaction-scoped advisory lock.
     */
    private void checkFacilitatorsFree(Session s) {
        if (s.facilitators.length == 0) {
            return;
        }
        String[] sorted = s.facilitators.clone();
        Arrays.sort(sorted);
        for (String facilitator : sorted) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                    .setParameter("key", "facilitator:" + caller.tenant().orElse("") + ":" + facilitator)
                    .getSingleResult();
        }
        List<Session> overlapping = Session.list("status = ?1 and startsAt < ?2 and endsAt > ?3 and id <> ?4",
                Sort.ascending("startsAt"), SessionStatus.PLANNED, s.endsAt, s.startsAt, s.id);
        for (Session other : overlapping) {
            for (String facilitator : s.facilitators) {
                if (Arrays.asList(other.facilitators).contains(facilitator)) {
                    throw new DomainException(409, "Facilitator already booked",
                            "Facilitator " + facilitator + " is already booked in session " + other.id + " ('" + other.title
                                    + "', " + other.startsAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " to "
                                    + other.endsAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ").");
                }
            }
        }
    }

    static List<DomainException.FieldError> checkTimes(SessionRequest r) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(new DomainException.FieldError("endsAt", "must be after startsAt"));
        } else if (Duration.between(r.startsAt(), r.endsAt()).toHours() > 24) {
            errors.add(new DomainException.FieldError("endsAt", "a session lasts at most 24 hours"));
        } else if (r.agenda() != null) {
            long planned = r.agenda().stream().mapToLong(SessionRequest.AgendaItem::minutes).sum();
            long available = Duration.between(r.startsAt(), r.endsAt()).toMinutes();
            if (planned > available) {
                errors.add(new DomainException.FieldError("agenda", "the agenda takes " + planned
                        + " minutes but the session lasts " + available));
            }
        }
        if (r.timeZone() != null) {
            try {
                ZoneId.of(r.timeZone());
            } catch (DateTimeException e) {
                errors.add(new DomainException.FieldError("timeZone", "not an IANA time zone (for example Europe/Amsterdam)"));
            }
        }
        SessionRequest.Location l = r.location();
        if (l.mode() != SessionRequest.LocationMode.ONLINE && (l.address() == null || l.address().isBlank())) {
            errors.add(new DomainException.FieldError("location.address", "required for " + l.mode() + " sessions"));
        }
        if (l.mode() != SessionRequest.LocationMode.ON_SITE && (l.url() == null || l.url().isBlank())) {
            errors.add(new DomainException.FieldError("location.url", "required for " + l.mode() + " sessions"));
        }
        return errors;
    }
}
