package org.dialoog.session.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.EngagementCopies;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.AgendaItem;
import org.dialoog.session.Attendance;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownPartyLead;
import org.dialoog.session.LocationMode;
import org.dialoog.session.Session;
import org.dialoog.session.SessionFilter;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.events.EventTypes;
import org.dialoog.session.events.SessionEvents;
import org.dialoog.session.store.FacilitatorBookings;
import org.dialoog.session.store.SessionSearch;
import org.jspecify.annotations.Nullable;

/** Scheduling, changing, cancelling and completing the sessions of active engagements. */
@ApplicationScoped
@Transactional
public class SessionService {

    public static final String DEFAULT_TIME_ZONE = "Europe/Amsterdam";

    private final Outbox outbox;
    private final Caller caller;
    private final EngagementAccess access;
    private final Seats seats;
    private final FacilitatorBookings bookings;
    private final SessionSearch search;
    private final MessageDecisions decisions;
    private final Reminders reminders;

    SessionService(
            Outbox outbox,
            Caller caller,
            EngagementAccess access,
            Seats seats,
            FacilitatorBookings bookings,
            SessionSearch search,
            MessageDecisions decisions,
            Reminders reminders) {
        this.decisions = decisions;
        this.reminders = reminders;
        this.outbox = outbox;
        this.caller = caller;
        this.access = access;
        this.seats = seats;
        this.bookings = bookings;
        this.search = search;
    }

    public Session schedule(SessionDetails r) {
        return schedule(r, KnownPartyLead.Right.PROPOSE_SESSIONS);
    }

    /** Schedules a session; a party lead needs {@code right} (proposing sessions, or running the poll it decides). */
    public Session schedule(SessionDetails r, KnownPartyLead.Right right) {
        List<DomainException.FieldError> errors = checkTimes(r);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        EngagementAccess.Initiator who = access.plannable(r.engagementId(), "engagementId", right);
        KnownEngagement engagement =
                Objects.requireNonNull(KnownEngagement.<KnownEngagement>findById(r.engagementId()));
        EngagementCopies.requireActive(
                engagement.id, engagement.status, "sessions can only be scheduled for an ACTIVE engagement");
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
        UUID party = who.partyId();
        s.initiatedByPartyId = party;
        if (party != null) {
            // a party's proposal: its agenda is the party's too
            s.agenda = s.agenda.stream().map(i -> i.initiatedBy(party)).toList();
        }
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.updatedAt = s.createdAt;
        s.persistAndFlush(); // the tenant column is filled at the insert, and the event carries it
        outbox.record(EventTypes.SESSION_SCHEDULED, s.engagementId, s.id, SessionEvents.Scheduled.of(s));
        reminders.skipPassed(s, List.of(s.reminders));
        return s;
    }

    /** The current session, checked for the caller's right to change it and the expected version. */
    public Session writable(UUID id, @Nullable Long expectedVersion) {
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
    public Session update(UUID id, @Nullable Long expectedVersion, SessionDetails r) {
        Session s = writable(id, expectedVersion);
        s.requireChangeable();
        List<DomainException.FieldError> errors = checkTimes(r);
        if (!r.engagementId().equals(s.engagementId)) {
            errors.add(new DomainException.FieldError("engagementId", "a session cannot move to another engagement"));
        }
        if (r.type() != s.type) {
            errors.add(new DomainException.FieldError(
                    "type", "the type of a session cannot change; cancel it and schedule another"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        OffsetDateTime previousStart = s.startsAt;
        OffsetDateTime previousEnd = s.endsAt;
        String previousZone = s.timeZone;
        Integer previousCapacity = s.capacity;
        String previousMode = s.locationMode;
        String previousAddress = s.locationAddress;
        String previousUrl = s.locationUrl;
        List<String> previousReminders = List.of(s.reminders);
        apply(s, r);
        checkFacilitatorsFree(s);
        int taken = seats.taken(s.id);
        if (s.capacity != null && s.capacity < taken) {
            throw DomainException.conflict("Capacity " + s.capacity + " is below the " + taken
                    + " seats already taken; ask people to decline first or keep a capacity of at least " + taken
                    + ".");
        }
        boolean retimed = !s.startsAt.isEqual(previousStart)
                || !s.endsAt.isEqual(previousEnd)
                || !s.timeZone.equals(previousZone);
        // a calendar app takes a changed place only with a new SEQUENCE, and invitees need to know it too
        boolean moved = !s.locationMode.equals(previousMode)
                || !Objects.equals(s.locationAddress, previousAddress)
                || !Objects.equals(s.locationUrl, previousUrl);
        boolean rescheduled = retimed || moved;
        if (rescheduled) {
            s.sequence++;
        }
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Session.flush();
        if (rescheduled) {
            outbox.record(
                    EventTypes.SESSION_RESCHEDULED,
                    s.engagementId,
                    s.id,
                    SessionEvents.Rescheduled.of(s, previousStart, previousEnd, seats.invitees(s.id)));
            decisions.rescheduled(s);
        }
        if (!s.startsAt.isEqual(previousStart)) {
            reminders.skipPassed(s, List.of(s.reminders));
        } else {
            reminders.skipPassed(
                    s,
                    List.of(s.reminders).stream()
                            .filter(o -> !previousReminders.contains(o))
                            .toList());
        }
        if (!Objects.equals(previousCapacity, s.capacity)) {
            seats.fillFreeSeats(s);
        }
        return s;
    }

    /** Cancels a planned session; a completed or cancelled one cannot be cancelled (409). */
    public Session cancel(UUID id, @Nullable Long expectedVersion, String reason) {
        Session s = writable(id, expectedVersion);
        cancel(s, reason);
        return s;
    }

    /** Completes a session that has started; the event carries who attended and their parties. */
    public Session complete(UUID id, @Nullable Long expectedVersion) {
        Session s = writable(id, expectedVersion);
        s.complete(OffsetDateTime.now(ZoneOffset.UTC));
        Session.flush();
        List<Attendance> present =
                Attendance.list("sessionId = ?1 and present = true", Sort.ascending("participantId"), s.id);
        outbox.record(EventTypes.SESSION_COMPLETED, s.engagementId, s.id, SessionEvents.Completed.of(s, present));
        return s;
    }

    /** When an engagement closes, its sessions still to come are cancelled with that reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelUpcoming(UUID engagementId, String reason) {
        List<Session> upcoming = Session.list(
                "engagementId = ?1 and status = ?2 and startsAt > ?3",
                engagementId,
                SessionStatus.PLANNED,
                OffsetDateTime.now(ZoneOffset.UTC));
        upcoming.forEach(s -> cancel(s, reason));
        return upcoming.size();
    }

    private void cancel(Session s, String reason) {
        s.cancel(reason, OffsetDateTime.now(ZoneOffset.UTC));
        Session.flush();
        outbox.record(
                EventTypes.SESSION_CANCELLED,
                s.engagementId,
                s.id,
                SessionEvents.Cancelled.of(s, seats.invitees(s.id)));
        decisions.cancelled(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Session find(UUID id) {
        return access.readable(id);
    }

    /**
     * Adds one agenda item at the end of the session's agenda: a facilitator, or a party lead holding
     * PROPOSE_AGENDA_ITEMS (the item then records its party). Same rules as the agenda in a session change.
     */
    public Session addAgendaItem(UUID id, @Nullable Long expectedVersion, AgendaItem item) {
        EngagementAccess.Initiator who = access.writable(id, KnownPartyLead.Right.PROPOSE_AGENDA_ITEMS);
        Session s = Objects.requireNonNull(Session.<Session>findById(id));
        if (expectedVersion != null && expectedVersion != s.version) {
            throw DomainException.staleVersion(expectedVersion, s.version);
        }
        if (s.status != SessionStatus.PLANNED) {
            throw DomainException.conflict(
                    "Session " + id + " is " + s.status + "; only a PLANNED session's agenda grows.");
        }
        List<AgendaItem> agenda = new ArrayList<>(s.agenda == null ? List.of() : s.agenda);
        if (agenda.size() >= 50) {
            throw DomainException.invalid("title", "the agenda already holds 50 items, the most a session has");
        }
        agenda.add(new AgendaItem(item.title().strip(), item.minutes(), who.partyId()));
        long planned = agenda.stream().mapToLong(AgendaItem::minutes).sum();
        long available = java.time.Duration.between(s.startsAt, s.endsAt).toMinutes();
        if (planned > available) {
            throw DomainException.invalid(
                    "minutes", "the agenda would take " + planned + " minutes but the session lasts " + available);
        }
        s.agenda = List.copyOf(agenda);
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Session.flush(); // the version rises at the flush, and the answer's ETag carries it
        return s;
    }

    /**
     * The requested agenda, each item keeping the party that initiated the same item (by title) before; an item
     * new in the request is a facilitator's (only {@link #addAgendaItem} records a party's).
     */
    private static List<AgendaItem> keepInitiators(@Nullable List<AgendaItem> before, List<AgendaItem> requested) {
        Map<String, UUID> byTitle = new HashMap<>();
        if (before != null) {
            for (AgendaItem i : before) {
                if (i.initiatedByPartyId() != null) {
                    byTitle.putIfAbsent(i.title(), i.initiatedByPartyId());
                }
            }
        }
        return requested.stream()
                .map(i -> i.initiatedBy(byTitle.get(i.title())))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Session> list(SessionFilter f, int page, int pageSize) {
        return search.find(access.listScope(), f, page, pageSize);
    }

    private static void apply(Session s, SessionDetails r) {
        s.title = r.title().strip();
        s.description = r.description();
        s.agenda = r.agenda() == null ? List.of() : keepInitiators(s.agenda, r.agenda());
        s.startsAt = r.startsAt();
        s.endsAt = r.endsAt();
        s.timeZone = r.timeZone() == null ? DEFAULT_TIME_ZONE : r.timeZone();
        s.locationMode = r.location().mode().name();
        s.locationAddress = r.location().address();
        s.locationUrl = r.location().url();
        s.capacity = r.capacity();
        s.facilitators =
                new LinkedHashSet<>(r.facilitators() == null ? List.of() : r.facilitators()).toArray(String[]::new);
        s.openRegistration = r.openRegistration();
        s.reminders = Reminders.normalise(r.reminders() == null ? Reminders.DEFAULTS : r.reminders())
                .toArray(String[]::new);
    }

    /**
     * A facilitator cannot be in two places at once. The check holds under concurrent requests:
     * each facilitator's bookings are serialised by a transaction-scoped advisory lock.
     */
    private void checkFacilitatorsFree(Session s) {
        if (s.facilitators.length == 0) {
            return;
        }
        bookings.lock(caller.tenant().orElse(""), s.facilitators);
        for (Session other : bookings.plannedOverlapping(s)) {
            Optional<String> facilitator = s.facilitatorClashWith(other);
            if (facilitator.isPresent()) {
                throw new DomainException(409, "Facilitator already booked", clash(facilitator.get(), other));
            }
        }
    }

    /**
     * Names the other session only to a caller who may read it: its id, title and time belong to
     * its engagement, which may be another facilitator's.
     */
    private String clash(String facilitator, Session other) {
        if (access.canRead(other)) {
            return "Facilitator " + facilitator + " is already booked in session " + other.id + " ('" + other.title
                    + "', " + other.startsAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " to "
                    + other.endsAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ").";
        }
        return "Facilitator " + facilitator + " already has another session at an overlapping time; choose another "
                + "time or another facilitator.";
    }

    static List<DomainException.FieldError> checkTimes(SessionDetails r) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(new DomainException.FieldError("endsAt", "must be after startsAt"));
        } else if (Duration.between(r.startsAt(), r.endsAt()).toHours() > 24) {
            errors.add(new DomainException.FieldError("endsAt", "a session lasts at most 24 hours"));
        } else if (r.agenda() != null) {
            long planned = r.agenda().stream().mapToLong(AgendaItem::minutes).sum();
            long available = Duration.between(r.startsAt(), r.endsAt()).toMinutes();
            if (planned > available) {
                errors.add(new DomainException.FieldError(
                        "agenda", "the agenda takes " + planned + " minutes but the session lasts " + available));
            }
        }
        if (r.timeZone() != null) {
            try {
                ZoneId.of(r.timeZone());
            } catch (DateTimeException e) {
                errors.add(new DomainException.FieldError(
                        "timeZone", "not an IANA time zone (for example Europe/Amsterdam)"));
            }
        }
        if (r.reminders() != null) {
            errors.addAll(Reminders.check(r.reminders()));
        }
        SessionDetails.Location l = r.location();
        if (l.mode() != LocationMode.ONLINE
                && (l.address() == null || l.address().isBlank())) {
            errors.add(new DomainException.FieldError("location.address", "required for " + l.mode() + " sessions"));
        }
        if (l.mode() != LocationMode.ON_SITE && (l.url() == null || l.url().isBlank())) {
            errors.add(new DomainException.FieldError("location.url", "required for " + l.mode() + " sessions"));
        }
        return errors;
    }
}
