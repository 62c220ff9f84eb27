package org.dialoog.session.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.ActionFilter;
import org.dialoog.session.KnownParty;
import org.dialoog.session.KnownPartyLead;
import org.dialoog.session.OutcomeAction;
import org.dialoog.session.OutcomeVersion;
import org.dialoog.session.Session;
import org.dialoog.session.SessionOutcome;
import org.dialoog.session.events.EventTypes;
import org.dialoog.session.events.OutcomeEvents;
import org.dialoog.session.store.ActionSearch;
import org.jspecify.annotations.Nullable;

/**
 * Session outcomes: what a session produced, written during and after it by those who may change the
 * session and by party leads granted RECORD_OUTCOMES, replaced whole as a new version each time (every version
 * kept as an {@link OutcomeVersion}), with action items whose ids stay across versions. Every write publishes a
 * SessionOutcomeRecorded event without any of the record's texts.
 */
@ApplicationScoped
@Transactional
public class OutcomeService {

    /** A session's outcome as it stands, with its actions in order and the session it belongs to. */
    public record Current(SessionOutcome outcome, List<OutcomeAction> actions, Session session, boolean created) {}

    private final EngagementAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final ActionSearch search;

    OutcomeService(EngagementAccess access, Caller caller, Outbox outbox, ActionSearch search) {
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
        this.search = search;
    }

    /**
     * Replaces the session's outcome (or writes its first): a new version. Actions named by id are
     * updated, new ones get an id, and those the draft leaves out are removed from the record.
     */
    public Current record(UUID sessionId, @Nullable Long expectedVersion, OutcomeDraft draft) {
        EngagementAccess.Initiator who = access.writable(sessionId, KnownPartyLead.Right.RECORD_OUTCOMES);
        Session s = Objects.requireNonNull(Session.<Session>findById(sessionId));
        s.requireOutcomeWritable();
        SessionOutcome current = SessionOutcome.findById(sessionId);
        checkVersion(sessionId, expectedVersion, current);
        List<OutcomeAction> before = actionsOf(sessionId);
        Map<UUID, OutcomeAction> byId = new HashMap<>();
        before.forEach(a -> byId.put(a.id, a));
        checkActions(s, draft.actions(), byId.keySet());
        if (who.partyId() != null) {
            keepOtherParties(who.partyId(), draft.actions(), before);
        }

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean created = current == null;
        SessionOutcome o = created ? SessionOutcome.firstOf(s, now) : current;
        o.notes = List.copyOf(draft.notes());
        o.decisions = List.copyOf(draft.decisions());
        o.openQuestions = List.copyOf(draft.openQuestions());
        o.newVersion(caller.userId(), now);
        if (created) {
            o.persistAndFlush(); // the tenant column is filled at the insert, and the event carries it
        }
        List<OutcomeAction> after = new ArrayList<>();
        for (int i = 0; i < draft.actions().size(); i++) {
            OutcomeDraft.Action d = draft.actions().get(i);
            OutcomeAction a = d.id() == null ? null : byId.remove(d.id());
            if (a == null) {
                a = new OutcomeAction();
                a.id = UUID.randomUUID();
                a.sessionId = s.id;
                a.engagementId = s.engagementId;
                a.createdAt = now;
                a.updatedAt = now;
                a.initiatedByPartyId = who.partyId();
                apply(a, i, d, now);
                a.persist();
            } else {
                apply(a, i, d, now);
            }
            after.add(a);
        }
        byId.values().forEach(OutcomeAction::delete);
        OutcomeAction.flush();
        OutcomeVersion.of(o, after, caller.userId(), who.partyId()).persist();
        outbox.record(EventTypes.SESSION_OUTCOME_RECORDED, s.engagementId, s.id, OutcomeEvents.Recorded.of(o, after));
        return new Current(o, after, s, created);
    }

    /** The action of the session's outcome the caller may change, checked against the outcome's version. */
    public OutcomeAction writableAction(UUID sessionId, UUID actionId, @Nullable Long expectedVersion) {
        return changeableAction(sessionId, actionId, expectedVersion).action();
    }

    /** Changes one action's status and due date: a new version of its outcome. */
    public Current changeAction(
            UUID sessionId, UUID actionId, @Nullable Long expectedVersion, OutcomeDraft.ActionChange change) {
        ChangeableAction c = changeableAction(sessionId, actionId, expectedVersion);
        OutcomeAction a = c.action();
        SessionOutcome o = Objects.requireNonNull(SessionOutcome.<SessionOutcome>findById(sessionId));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (a.status != change.status() || !Objects.equals(a.dueDate, change.dueDate())) {
            a.status = change.status();
            a.dueDate = change.dueDate();
            a.updatedAt = now;
        }
        o.newVersion(caller.userId(), now);
        OutcomeAction.flush();
        List<OutcomeAction> actions = actionsOf(sessionId);
        OutcomeVersion.of(o, actions, caller.userId(), c.who().partyId()).persist();
        outbox.record(
                EventTypes.SESSION_OUTCOME_RECORDED,
                o.engagementId,
                o.sessionId,
                OutcomeEvents.Recorded.of(o, actions));
        return new Current(o, actions, Objects.requireNonNull(Session.<Session>findById(sessionId)), false);
    }

    private record ChangeableAction(OutcomeAction action, EngagementAccess.Initiator who) {}

    private ChangeableAction changeableAction(UUID sessionId, UUID actionId, @Nullable Long expectedVersion) {
        EngagementAccess.Initiator who = access.writable(sessionId, KnownPartyLead.Right.UPDATE_ACTIONS);
        Session s = Objects.requireNonNull(Session.<Session>findById(sessionId));
        s.requireOutcomeWritable();
        SessionOutcome o = SessionOutcome.findById(sessionId);
        OutcomeAction a = OutcomeAction.findById(actionId);
        if (o == null || a == null || !a.sessionId.equals(sessionId)) {
            throw DomainException.notFound("Action", actionId);
        }
        if (who.partyId() != null && !who.partyId().equals(a.ownerPartyId)) {
            throw new DomainException(
                    403, "Forbidden", "A party lead changes only the action items its own party owns.");
        }
        checkVersion(sessionId, expectedVersion, o);
        return new ChangeableAction(a, who);
    }

    /**
     * The versions of the session's outcome, newest first: 404 when the caller may not read the session or no outcome
     * was written yet.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<OutcomeVersion> versions(UUID sessionId, int page, int pageSize) {
        find(sessionId);
        var q = OutcomeVersion.<OutcomeVersion>find("sessionId", Sort.descending("version"), sessionId);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    /** One version of the session's outcome, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OutcomeVersion version(UUID sessionId, long version) {
        find(sessionId);
        OutcomeVersion v = OutcomeVersion.<OutcomeVersion>find("sessionId = ?1 and version = ?2", sessionId, version)
                .firstResult();
        if (v == null) {
            throw new DomainException(
                    404,
                    "Not found",
                    "Session " + sessionId + "'s outcome has no version " + version
                            + " (versions start at 1; the current one is in GET …/outcome).");
        }
        return v;
    }

    /** The session's outcome: 404 when the caller may not read the session, or no outcome was written yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Current find(UUID sessionId) {
        Session s = access.readable(sessionId);
        SessionOutcome o = SessionOutcome.findById(sessionId);
        if (o == null) {
            throw new DomainException(
                    404, "Not found", "Session " + sessionId + " has no outcome yet; PUT one to record it.");
        }
        return new Current(o, actionsOf(sessionId), s, false);
    }

    /** Action items across the sessions the caller may read, narrowed by the filter; overdue as of today (UTC). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<OutcomeAction> actions(ActionFilter filter, int page, int pageSize) {
        return search.find(access.listScope(), filter, today(), page, pageSize);
    }

    /** Today in UTC: the day against which due dates are overdue. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static List<OutcomeAction> actionsOf(UUID sessionId) {
        return OutcomeAction.list("sessionId", Sort.ascending("position"), sessionId);
    }

    private static void checkVersion(UUID sessionId, @Nullable Long expected, @Nullable SessionOutcome o) {
        if (expected == null) {
            return;
        }
        if (o == null) {
            throw new DomainException(
                    412,
                    "Precondition failed",
                    "If-Match names version " + expected + " but session " + sessionId
                            + " has no outcome yet; send no If-Match to write the first.");
        }
        if (expected != o.version) {
            throw DomainException.staleVersion(expected, o.version);
        }
    }

    /**
     * A party lead writes the record as an author, but leaves every action item of another party as it stands: each
     * must be sent again with its id and unchanged (its place in the list may change); 403 naming the first that is
     * not.
     */
    private static void keepOtherParties(UUID leadParty, List<OutcomeDraft.Action> draft, List<OutcomeAction> before) {
        Map<UUID, OutcomeDraft.Action> sent = new HashMap<>();
        draft.stream().filter(d -> d.id() != null).forEach(d -> sent.put(d.id(), d));
        for (OutcomeAction a : before) {
            if (a.ownerPartyId.equals(leadParty)) {
                continue;
            }
            OutcomeDraft.Action d = sent.get(a.id);
            if (d == null) {
                throw new DomainException(
                        403,
                        "Forbidden",
                        "A party lead cannot remove action " + a.id + ": it belongs to another party. Send it again "
                                + "with its id, unchanged.");
            }
            if (!d.what().equals(a.what)
                    || !d.ownerPartyId().equals(a.ownerPartyId)
                    || !Objects.equals(d.dueDate(), a.dueDate)
                    || d.status() != a.status) {
                throw new DomainException(
                        403,
                        "Forbidden",
                        "A party lead cannot change action " + a.id + ": it belongs to another party (its what, "
                                + "owner, due date and status stay as they are).");
            }
        }
    }

    /** Each id once and of this record; each owner a party of the session's engagement. */
    private static void checkActions(Session s, List<OutcomeDraft.Action> actions, Set<UUID> existing) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Map<UUID, Boolean> parties = new HashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            OutcomeDraft.Action a = actions.get(i);
            if (a.id() != null && !existing.contains(a.id())) {
                errors.add(new DomainException.FieldError(
                        "actions[" + i + "].id",
                        "no action " + a.id() + " is in this session's outcome; leave the id out for a new action"));
            } else if (a.id() != null && !seen.add(a.id())) {
                errors.add(new DomainException.FieldError(
                        "actions[" + i + "].id", "action " + a.id() + " appears more than once"));
            }
            if (!parties.computeIfAbsent(a.ownerPartyId(), p -> KnownParty.isPartyOf(s.engagementId, p))) {
                errors.add(new DomainException.FieldError(
                        "actions[" + i + "].ownerPartyId",
                        "no party " + a.ownerPartyId() + " of this session's engagement is known here"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static void apply(OutcomeAction a, int position, OutcomeDraft.Action d, OffsetDateTime now) {
        boolean changed = !d.what().equals(a.what)
                || !d.ownerPartyId().equals(a.ownerPartyId)
                || !Objects.equals(d.dueDate(), a.dueDate)
                || d.status() != a.status;
        a.position = position;
        a.what = d.what();
        a.ownerPartyId = d.ownerPartyId();
        a.dueDate = d.dueDate();
        a.status = d.status();
        if (changed) {
            a.updatedAt = now;
        }
    }
}
