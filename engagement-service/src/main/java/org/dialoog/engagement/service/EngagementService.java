package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.EngagementHistoryEntry;
import org.dialoog.engagement.EngagementQuery;
import org.dialoog.engagement.EngagementStatus;
import org.dialoog.engagement.Participant;
import org.dialoog.engagement.Party;
import org.dialoog.engagement.Phase;
import org.dialoog.engagement.events.EngagementEvents;
import org.dialoog.engagement.events.EventTypes;
import org.dialoog.engagement.store.ReferenceCounter;
import org.dialoog.engagement.store.VisibleEngagements;
import org.jspecify.annotations.Nullable;

/** Use cases of engagements: create, read, edit, delete, and moves through status and phase. */
@ApplicationScoped
@Transactional
public class EngagementService {

    private final VisibleEngagements engagements;
    private final ReferenceCounter references;
    private final EngagementHistory history;
    private final Outbox outbox;
    private final Caller caller;

    EngagementService(
            VisibleEngagements engagements,
            ReferenceCounter references,
            EngagementHistory history,
            Outbox outbox,
            Caller caller) {
        this.engagements = engagements;
        this.references = references;
        this.history = history;
        this.outbox = outbox;
        this.caller = caller;
    }

    public Engagement create(EngagementDetails details) {
        checkDates(details);
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.reference = nextReference();
        apply(e, details);
        if (caller.is(Caller.FACILITATOR) && !List.of(e.facilitators).contains(caller.userId())) {
            List<String> withMe = new ArrayList<>(List.of(e.facilitators));
            withMe.add(0, caller.userId());
            e.facilitators = withMe.toArray(String[]::new);
        }
        e.status = EngagementStatus.DRAFT;
        e.phase = Phase.EXPLORATION;
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.updatedAt = e.createdAt;
        e.persistAndFlush();
        history.record(e, "STATUS", null, e.status.name(), "created");
        outbox.record(EventTypes.ENGAGEMENT_CREATED, e.id, e.id, EngagementEvents.EngagementSnapshot.of(e));
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Engagement> find(UUID id) {
        return engagements.find(id);
    }

    /** The engagement, if the caller may see it; 404 otherwise, whether it does not exist or is hidden from them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Engagement visible(UUID id) {
        return engagements.find(id).orElseThrow(() -> DomainException.notFound("Engagement", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Engagement> list(EngagementQuery query, int page, int pageSize) {
        var q = engagements.search(query);
        long total = q.count();
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, total);
    }

    public Engagement update(UUID id, @Nullable Long expectedVersion, EngagementDetails details) {
        Engagement e = writable(id, expectedVersion);
        checkDates(details);
        apply(e, details);
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Engagement.flush();
        outbox.record(EventTypes.ENGAGEMENT_UPDATED, e.id, e.id, EngagementEvents.EngagementSnapshot.of(e));
        return e;
    }

    public void delete(UUID id, @Nullable Long expectedVersion) {
        Engagement e = writable(id, expectedVersion);
        if (e.status != EngagementStatus.DRAFT) {
            throw DomainException.conflict("Only a DRAFT engagement can be deleted; this one is " + e.status
                    + ". Cancel it instead (POST /api/v1/engagements/" + id + "/status).");
        }
        Participant.delete("engagementId", id);
        // an agreement's parties, versions and answers go with it (on delete cascade)
        Agreement.<Agreement>list("engagementId", id).forEach(Agreement::delete);
        Agreement.flush();
        Party.delete("engagementId", id);
        EngagementHistoryEntry.delete("engagementId", id);
        e.delete();
        outbox.record(EventTypes.ENGAGEMENT_DELETED, e.id, e.id, new EngagementEvents.Deleted(e.id, e.tenant));
    }

    public Engagement changeStatus(
            UUID id, @Nullable Long expectedVersion, EngagementStatus target, @Nullable String reason) {
        Engagement e = editable(id, expectedVersion);
        EngagementStatus from = e.status;
        from.requireMoveTo(target, () -> Party.count("engagementId", e.id));
        e.status = target;
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Engagement.flush();
        history.record(e, "STATUS", from.name(), target.name(), reason);
        outbox.record(
                EventTypes.ENGAGEMENT_STATUS_CHANGED,
                e.id,
                e.id,
                new EngagementEvents.StatusChanged(e.id, e.tenant, from.name(), target.name(), reason));
        return e;
    }

    public Engagement changePhase(UUID id, @Nullable Long expectedVersion, Phase target, @Nullable String note) {
        Engagement e = writable(id, expectedVersion);
        Phase from = e.phase;
        from.requireMoveTo(target, note);
        e.phase = target;
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Engagement.flush();
        history.record(e, "PHASE", from.name(), target.name(), note);
        outbox.record(
                EventTypes.ENGAGEMENT_PHASE_CHANGED,
                e.id,
                e.id,
                new EngagementEvents.PhaseChanged(e.id, e.tenant, from.name(), target.name(), note));
        return e;
    }

    /**
     * Who may change an engagement, the one rule of this service for mixed roles: a role counts only
     * where the engagement names the caller in it. Admins change everything in their tenant,
     * facilitators the engagements they facilitate; a client contact (whatever other roles it has)
     * and an integration only read.
     */
    boolean mayChange(Engagement e) {
        return caller.is(Caller.ADMIN) || (caller.is(Caller.FACILITATOR) && caller.isOneOf(e.facilitators));
    }

    /**
     * Participants' names and e-mail addresses: for those who may change the engagement, and for its
     * client contacts only where a facilitator granted it (a client is often one party among several,
     * and the facilitator is neutral); never for an integration by that role alone.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    boolean showsPersonalData(Engagement e) {
        return mayChange(e)
                || (e.clientContactsSeePersonalData && caller.is(Caller.CLIENT) && caller.isOneOf(e.clientContacts));
    }

    /** The engagement, if the caller may change it: 404 when it may not even see it, 403 when it may only read it. */
    Engagement editable(UUID id, @Nullable Long expectedVersion) {
        Engagement e = engagements.find(id).orElseThrow(() -> DomainException.notFound("Engagement", id));
        if (!mayChange(e)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        DomainException.requireVersion(expectedVersion, e.version);
        return e;
    }

    /** Visible to the caller and still open (409 when concluded or cancelled), whoever may change it. */
    public Engagement open(UUID id) {
        Engagement e = visible(id);
        if (e.status.isClosed()) {
            throw DomainException.conflict(
                    "Engagement " + e.reference + " is " + e.status + " and therefore read-only.");
        }
        return e;
    }

    /** Whether the caller facilitates the engagement (or is an admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean facilitates(Engagement e) {
        return mayChange(e);
    }

    /** Editable and still open: concluded and cancelled engagements are read-only. */
    public Engagement writable(UUID id, @Nullable Long expectedVersion) {
        Engagement e = editable(id, expectedVersion);
        if (e.status.isClosed()) {
            throw DomainException.conflict(
                    "Engagement " + e.reference + " is " + e.status + " and therefore read-only.");
        }
        return e;
    }

    private void apply(Engagement e, EngagementDetails d) {
        e.title = d.title().strip();
        e.description = d.description();
        e.kind = d.kind();
        e.clientOrganisation = d.clientOrganisation().strip();
        e.objectives = d.objectives().stream().map(Enum::name).distinct().toArray(String[]::new);
        e.startDate = d.startDate();
        e.endDate = d.endDate();
        e.caseReference = d.caseReference();
        e.facilitators = distinct(d.facilitators());
        e.clientContacts = distinct(d.clientContacts());
        e.clientContactsSeePersonalData = d.clientContactsSeePersonalData();
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : new LinkedHashSet<>(values).toArray(String[]::new);
    }

    private static void checkDates(EngagementDetails d) {
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            throw DomainException.invalid("endDate", "must not be before startDate " + d.startDate());
        }
    }

    /** ENG-<year>-<n>: sequential per tenant and year, atomic under concurrent creates. */
    private String nextReference() {
        int year = Year.now(ZoneOffset.UTC).getValue();
        return String.format("ENG-%d-%04d", year, references.next(year));
    }
}
