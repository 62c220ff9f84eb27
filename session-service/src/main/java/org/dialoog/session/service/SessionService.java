package org.dialoog.session.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.messaging.EventTypes;
import org.dialoog.session.messaging.Outbox;
import org.dialoog.session.messaging.SessionEvents;
import org.dialoog.session.rest.Pages;
import org.dialoog.session.rest.SessionRequest;
import org.dialoog.session.security.Caller;

/** Scheduling sessions for active engagements. */
@ApplicationScoped
@Transactional
public class SessionService {

    public static final String DEFAULT_TIME_ZONE = "Europe/Amsterdam";

    private final Outbox outbox;
    private final Caller caller;

    SessionService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
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
        if (!engagement.isActive()) {
            throw DomainException.conflict("Engagement " + r.engagementId() + " is " + engagement.status
                    + "; sessions can only be scheduled for an ACTIVE engagement.");
        }
        Session s = new Session();
        s.id = UUID.randomUUID();
        s.engagementId = r.engagementId();
        s.type = r.type();
        s.title = r.title().strip();
        s.description = r.description();
        s.startsAt = r.startsAt();
        s.endsAt = r.endsAt();
        s.timeZone = r.timeZone() == null ? DEFAULT_TIME_ZONE : r.timeZone();
        s.locationMode = r.location().mode().name();
        s.locationAddress = r.location().address();
        s.locationUrl = r.location().url();
        s.capacity = r.capacity();
        List<String> facilitators = new ArrayList<>(r.facilitators() == null ? List.of() : r.facilitators());
        if (facilitators.isEmpty() && caller.is(Caller.FACILITATOR)) {
            facilitators.add(caller.userId());
        }
        s.facilitators = new LinkedHashSet<>(facilitators).toArray(String[]::new);
        s.openRegistration = r.openRegistration();
        s.status = SessionStatus.PLANNED;
        s.createdAt = OffsetDateTime.now();
        s.updatedAt = s.createdAt;
        s.persist();
        outbox.record(EventTypes.SESSION_SCHEDULED, s.engagementId, s.id, SessionEvents.Scheduled.of(s));
        return s;
    }

    /** Cancels a planned session; a completed or cancelled one cannot be cancelled (409). */
    public Session cancel(UUID id, Long expectedVersion, String reason) {
        Session s = Session.<Session>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Session", id));
        if (expectedVersion != null && expectedVersion != s.version) {
            throw DomainException.staleVersion(expectedVersion, s.version);
        }
        if (s.status != SessionStatus.PLANNED) {
            throw DomainException.conflict("Session " + id + " is " + s.status + "; only a PLANNED session can be cancelled.");
        }
        cancel(s, reason);
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
        outbox.record(EventTypes.SESSION_CANCELLED, s.engagementId, s.id, SessionEvents.Cancelled.of(s));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Session> find(UUID id) {
        return Session.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pages.Page<Session> list(UUID engagementId, int page, int pageSize) {
        var q = engagementId == null
                ? Session.<Session>findAll(Sort.ascending("startsAt", "id"))
                : Session.<Session>find("engagementId", Sort.ascending("startsAt", "id"), engagementId);
        return new Pages.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    private static List<DomainException.FieldError> checkTimes(SessionRequest r) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(new DomainException.FieldError("endsAt", "must be after startsAt"));
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
                errors.add(new DomainException.FieldError("timeZone", "not an IANA time zone"));
            }
        }
        return errors;
    }
}
