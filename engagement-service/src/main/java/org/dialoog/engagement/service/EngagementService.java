package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.EngagementStatus;
import org.dialoog.engagement.Phase;
import org.dialoog.engagement.messaging.EngagementEvents;
import org.dialoog.engagement.messaging.EventTypes;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.engagement.repository.EngagementRepository;
import org.dialoog.engagement.rest.EngagementRequest;
import org.dialoog.conventions.security.Caller;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;

/** Use cases of engagements: create, read, edit, delete, and moves through status and phase. */
@ApplicationScoped
@Transactional
public class EngagementService {

    private final EngagementRepository engagements;
    private final EngagementHistory history;
    private final Outbox outbox;
    private final Caller caller;
    private final EntityManager em;

    EngagementService(EngagementRepository engagements, EngagementHistory history, Outbox outbox, Caller caller, EntityManager em) {
        this.engagements = engagements;
        this.history = history;
        this.outbox = outbox;
        this.caller = caller;
        this.em = em;
    }

    public Engagement create(EngagementRequest r) {
        checkDates(r);
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.reference = nextReference();
        apply(e, r);
        if (caller.is(Caller.FACILITATOR) && !List.of(e.facilitators).contains(caller.userId())) {
            List<String> withMe = new ArrayList<>(List.of(e.facilitators));
            withMe.add(0, caller.userId());
            e.facilitators = withMe.toArray(String[]::new);
        }
        e.status = EngagementStatus.DRAFT;
        e.phase = Phase.EXPLORATION;
        e.createdAt = OffsetDateTime.now();
        e.updatedAt = e.createdAt;
        engagements.persistAndFlush(e);
        history.record(e, "STATUS", null, e.status.name(), "created");
        outbox.record(EventTypes.ENGAGEMENT_CREATED, e.id, e.id, EngagementEvents.EngagementSnapshot.of(e));
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Engagement> find(UUID id) {
        return engagements.findVisible(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Engagement> list(EngagementQuery query, int page, int pageSize) {
        var q = engagements.search(query);
        long total = q.count();
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, total);
    }

    public Engagement update(UUID id, Long expectedVersion, EngagementRequest r) {
        Engagement e = writable(id, expectedVersion);
        checkDates(r);
        apply(e, r);
        e.updatedAt = OffsetDateTime.now();
        engagements.flush();
        outbox.record(EventTypes.ENGAGEMENT_UPDATED, e.id, e.id, EngagementEvents.EngagementSnapshot.of(e));
        return e;
    }

    public void delete(UUID id, Long expectedVersion) {
        Engagement e = writable(id, expectedVersion);
        if (e.status != EngagementStatus.DRAFT) {
            throw DomainException.conflict("Only a DRAFT engagement can be deleted; this one is " + e.status
                    + ". Cancel it instead (POST /api/v1/engagements/" + id + "/status).");
        }
        for (String entity : new String[] {"Participant", "Party", "EngagementHistoryEntry"}) {
            em.createQuery("delete from " + entity + " x where x.engagementId = :id").setParameter("id", id).executeUpdate();
        }
        engagements.delete(e);
        outbox.record(EventTypes.ENGAGEMENT_DELETED, e.id, e.id, new EngagementEvents.Deleted(e.id, e.tenant));
    }

    public Engagement changeStatus(UUID id, Long expectedVersion, EngagementStatus target, String reason) {
        Engagement e = editable(id, expectedVersion);
        EngagementStatus from = e.status;
        if (!from.canMoveTo(target)) {
            throw DomainException.conflict("An engagement cannot move from " + from + " to " + target
                    + (from.next().isEmpty() ? "; it is closed." : "; allowed from " + from + ": " + from.next() + "."));
        }
        if (target == EngagementStatus.ACTIVE) {
            requireTwoParties(e);
        }
        e.status = target;
        e.updatedAt = OffsetDateTime.now();
        engagements.flush();
        history.record(e, "STATUS", from.name(), target.name(), reason);
        outbox.record(EventTypes.ENGAGEMENT_STATUS_CHANGED, e.id, e.id,
                new EngagementEvents.StatusChanged(e.id, e.tenant, from.name(), target.name(), reason));
        return e;
    }

    public Engagement changePhase(UUID id, Long expectedVersion, Phase target, String note) {
        Engagement e = writable(id, expectedVersion);
        Phase from = e.phase;
        if (from == target) {
            throw DomainException.conflict("The engagement is already in phase " + target + ".");
        }
        if (target.ordinal() < from.ordinal() && (note == null || note.isBlank())) {
            throw DomainException.invalid("note", "going back from " + from + " to " + target + " needs a note saying why");
        }
        e.phase = target;
        e.updatedAt = OffsetDateTime.now();
        engagements.flush();
        history.record(e, "PHASE", from.name(), target.name(), note);
        outbox.record(EventTypes.ENGAGEMENT_PHASE_CHANGED, e.id, e.id,
                new EngagementEvents.PhaseChanged(e.id, e.tenant, from.name(), target.name(), note));
        return e;
    }

    /** The engagement, if the caller may change it at all (clients and integrations never may). */
    Engagement editable(UUID id, Long expectedVersion) {
        Engagement e = engagements.findVisible(id).orElseThrow(() -> DomainException.notFound("Engagement", id));
        if (!caller.is(Caller.ADMIN) && !caller.is(Caller.FACILITATOR)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        if (expectedVersion != null && expectedVersion != e.version) {
            throw DomainException.staleVersion(expectedVersion, e.version);
        }
        return e;
    }

    /** Editable and still open: concluded and cancelled engagements are read-only. */
    public Engagement writable(UUID id, Long expectedVersion) {
        Engagement e = editable(id, expectedVersion);
        if (e.status.isClosed()) {
            throw DomainException.conflict("Engagement " + e.reference + " is " + e.status + " and therefore read-only.");
        }
        return e;
    }

    private void requireTwoParties(Engagement e) {
        long parties = (Long) em.createQuery("select count(p) from Party p where p.engagementId = :id")
                .setParameter("id", e.id).getSingleResult();
        if (parties < 2) {
            throw DomainException.conflict("An engagement needs at least two parties before it can become ACTIVE: "
                    + "a process with one side is not a dialogue. It has " + parties + ".");
        }
    }

    private void apply(Engagement e, EngagementRequest r) {
        e.title = r.title().strip();
        e.description = r.description();
        e.kind = r.kind();
        e.clientOrganisation = r.clientOrganisation().strip();
        e.objectives = r.objectives().stream().map(Enum::name).distinct().toArray(String[]::new);
        e.startDate = r.startDate();
        e.endDate = r.endDate();
        e.caseReference = r.caseReference();
        e.facilitators = distinct(r.facilitators());
        e.clientContacts = distinct(r.clientContacts());
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : new LinkedHashSet<>(values).toArray(String[]::new);
    }

    private static void checkDates(EngagementRequest r) {
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            throw DomainException.invalid("endDate", "must not be before startDate " + r.startDate());
        }
    }

    /** ENG-<year>-<n>: sequential per tenant and year, atomic under concurrent creates. */
    private String nextReference() {
        int year = Year.now().getValue();
        Number n = (Number) em.createNativeQuery("""
                insert into reference_counter (tenant, year, last_value) values (?1, ?2, 1)
                on conflict (tenant, year) do update set last_value = reference_counter.last_value + 1
                returning last_value""")
                .setParameter(1, caller.tenant().orElseThrow())
                .setParameter(2, year)
                .getSingleResult();
        return String.format("ENG-%d-%04d", year, n.longValue());
    }
}
