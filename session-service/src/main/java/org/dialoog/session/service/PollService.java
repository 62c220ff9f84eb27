package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.EngagementCopies;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.KnownPartyLead;
import org.dialoog.session.PollSlot;
import org.dialoog.session.PollVote;
import org.dialoog.session.SchedulingPoll;
import org.dialoog.session.Session;
import org.dialoog.session.store.PollSearch;
import org.jspecify.annotations.Nullable;

/** Scheduling polls: candidate slots, who can make which, and the decision that schedules the session. */
@ApplicationScoped
@Transactional
public class PollService {

    /** A candidate slot of a poll to open. */
    public record CandidateSlot(OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    /** A poll with its slots, votes and ranking. */
    public record Outcome(
            SchedulingPoll poll, List<PollSlot> slots, List<PollVote> votes, List<SlotRanking.Ranked> ranking) {}

    private final EngagementAccess access;
    private final SessionService sessions;
    private final InvitationService invitations;
    private final MessageDecisions decisions;
    private final PollSearch search;

    PollService(
            EngagementAccess access,
            SessionService sessions,
            InvitationService invitations,
            MessageDecisions decisions,
            PollSearch search) {
        this.search = search;
        this.decisions = decisions;
        this.access = access;
        this.sessions = sessions;
        this.invitations = invitations;
    }

    public SchedulingPoll create(UUID engagementId, String title, List<CandidateSlot> slots, List<UUID> partyIds) {
        access.plannable(engagementId, "engagementId", KnownPartyLead.Right.RUN_POLLS);
        KnownEngagement engagement = java.util.Objects.requireNonNull(KnownEngagement.findById(engagementId));
        List<DomainException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (!slots.get(i).endsAt().isAfter(slots.get(i).startsAt())) {
                errors.add(new DomainException.FieldError("slots[" + i + "].endsAt", "must be after startsAt"));
            }
        }
        Set<UUID> parties = new LinkedHashSet<>(partyIds);
        int i = 0;
        for (UUID party : partyIds) {
            if (KnownParticipant.count("engagementId = ?1 and partyId = ?2", engagementId, party) == 0) {
                errors.add(new DomainException.FieldError(
                        "partyIds[" + i + "]",
                        "no participants of party " + party + " in engagement " + engagementId + " are known here"));
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        EngagementCopies.requireActive(
                engagement.id, engagement.status, "polls are for sessions of an ACTIVE engagement");
        SchedulingPoll poll = new SchedulingPoll();
        poll.id = UUID.randomUUID();
        poll.engagementId = engagementId;
        poll.title = title.strip();
        poll.partyIds = parties.toArray(UUID[]::new);
        poll.status = SchedulingPoll.Status.OPEN;
        poll.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        poll.persist();
        for (int p = 0; p < slots.size(); p++) {
            PollSlot slot = new PollSlot();
            slot.id = UUID.randomUUID();
            slot.pollId = poll.id;
            slot.position = p;
            slot.startsAt = slots.get(p).startsAt();
            slot.endsAt = slots.get(p).endsAt();
            slot.persist();
        }
        for (UUID party : poll.partyIds) {
            KnownParticipant.<KnownParticipant>list(
                            "engagementId = ?1 and partyId = ?2", Sort.ascending("id"), engagementId, party)
                    .forEach(p -> decisions.askedToVote(poll, p));
        }
        return poll;
    }

    /** Records which slots a participant of one of the poll's parties can make; voting again replaces the vote. */
    public PollVote vote(UUID pollId, UUID participantId, List<UUID> available) {
        return vote(writable(pollId), participantId, available, "available");
    }

    /**
     * A participant's own vote through their personal link: the same rules as {@link #vote}; runs for
     * the link's tenant, set before this transaction began.
     */
    public PollVote voteByLink(UUID pollId, UUID participantId, List<UUID> available) {
        SchedulingPoll poll = SchedulingPoll.findById(pollId);
        if (poll == null) {
            throw PersonalLinkService.noLink();
        }
        return vote(poll, participantId, available, "availableSlotIds");
    }

    /** A poll as its link shows it to one participant: title, slots and their own vote. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ballot ballot(UUID pollId, UUID participantId) {
        SchedulingPoll poll = SchedulingPoll.findById(pollId);
        if (poll == null) {
            throw PersonalLinkService.noLink();
        }
        PollVote vote = PollVote.<PollVote>find("pollId = ?1 and participantId = ?2", pollId, participantId)
                .firstResult();
        return new Ballot(poll, slots(pollId), vote);
    }

    /** What one participant sees of a poll. */
    public record Ballot(
            SchedulingPoll poll,
            List<PollSlot> slots,
            @Nullable PollVote vote) {}

    /** {@code field} names the list in the caller's request, for the field errors. */
    private PollVote vote(SchedulingPoll poll, UUID participantId, List<UUID> available, String field) {
        UUID pollId = poll.id;
        if (poll.status != SchedulingPoll.Status.OPEN) {
            throw DomainException.conflict("Poll " + pollId + " is " + poll.status + "; votes are closed.");
        }
        KnownParticipant p = KnownParticipant.findById(participantId);
        if (p == null
                || !p.engagementId.equals(poll.engagementId)
                || !Arrays.asList(poll.partyIds).contains(p.partyId)) {
            throw DomainException.notFound("Participant of this poll's parties", participantId);
        }
        Set<UUID> slotIds = new HashSet<>(slots(pollId).stream().map(s -> s.id).toList());
        List<DomainException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < available.size(); i++) {
            if (!slotIds.contains(available.get(i))) {
                errors.add(new DomainException.FieldError(field + "[" + i + "]", "not a slot of poll " + pollId));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        PollVote v = PollVote.<PollVote>find("pollId = ?1 and participantId = ?2", pollId, participantId)
                .firstResult();
        if (v == null) {
            v = new PollVote();
            v.id = UUID.randomUUID();
            v.pollId = pollId;
            v.participantId = participantId;
            v.partyId = p.partyId;
            v.available = new LinkedHashSet<>(available).toArray(UUID[]::new);
            v.votedAt = OffsetDateTime.now(ZoneOffset.UTC);
            v.persist();
        } else {
            v.available = new LinkedHashSet<>(available).toArray(UUID[]::new);
            v.votedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return v;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Outcome get(UUID pollId) {
        SchedulingPoll poll = readable(pollId);
        List<PollSlot> slots = slots(pollId);
        List<PollVote> votes = PollVote.list("pollId", Sort.ascending("votedAt", "participantId"), pollId);
        List<SlotRanking.Ranked> ranking = SlotRanking.rank(
                slots.stream()
                        .map(s -> new SlotRanking.Slot(s.id, s.startsAt, s.endsAt))
                        .toList(),
                List.of(poll.partyIds),
                votes.stream()
                        .map(v -> new SlotRanking.Vote(v.participantId, v.partyId, Set.of(v.available)))
                        .toList());
        return new Outcome(poll, slots, votes, ranking);
    }

    /** Chooses a slot: schedules the session at that time and invites every current participant of the poll's parties. */
    public Session decide(UUID pollId, UUID slotId, SessionDetails details) {
        SchedulingPoll poll = writable(pollId);
        if (poll.status == SchedulingPoll.Status.CLOSED) {
            throw DomainException.conflict("Poll " + pollId + " was closed without a decision; open a new poll.");
        }
        if (poll.status != SchedulingPoll.Status.OPEN) {
            throw DomainException.conflict("Poll " + pollId + " is already decided (session " + poll.sessionId + ").");
        }
        PollSlot slot = slots(pollId).stream()
                .filter(s -> s.id.equals(slotId))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("slotId", "not a slot of poll " + pollId));
        Session s = sessions.schedule(details, KnownPartyLead.Right.RUN_POLLS);
        invitations.invite(s.id, List.of(), List.of(poll.partyIds), KnownPartyLead.Right.RUN_POLLS);
        poll.status = SchedulingPoll.Status.DECIDED;
        poll.decidedSlot = slot.id;
        poll.sessionId = s.id;
        return s;
    }

    /**
     * Closes an open poll without a decision: no more votes, no decision; closing a closed poll again changes nothing.
     * 409 for a decided poll.
     */
    public Outcome close(UUID pollId) {
        SchedulingPoll poll = writable(pollId);
        if (poll.status == SchedulingPoll.Status.DECIDED) {
            throw DomainException.conflict(
                    "Poll " + pollId + " is decided (session " + poll.sessionId + "); cancel the session instead.");
        }
        if (poll.status == SchedulingPoll.Status.OPEN) {
            poll.status = SchedulingPoll.Status.CLOSED;
            // as stored: PostgreSQL keeps microseconds, so the first answer shows what every later read shows
            poll.closedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            SchedulingPoll.flush();
        }
        return get(pollId);
    }

    /** The polls the caller may see (the engagements of the session list), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Outcome> list(
            @Nullable UUID engagementId, SchedulingPoll.@Nullable Status status, int page, int pageSize) {
        return search.find(access.listScope(), engagementId, status, page, pageSize)
                .map(p -> get(p.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PollSlot slot(UUID pollId, UUID slotId) {
        return slots(pollId).stream()
                .filter(s -> s.id.equals(slotId))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("slotId", "not a slot of poll " + pollId));
    }

    private SchedulingPoll readable(UUID pollId) {
        SchedulingPoll poll = SchedulingPoll.findById(pollId);
        KnownEngagement e = poll == null ? null : KnownEngagement.findById(poll.engagementId);
        if (poll == null || e == null || !access.canRead(e)) {
            throw DomainException.notFound("Scheduling poll", pollId);
        }
        return poll;
    }

    private SchedulingPoll writable(UUID pollId) {
        SchedulingPoll poll = readable(pollId);
        access.changeable(KnownEngagement.findById(poll.engagementId), KnownPartyLead.Right.RUN_POLLS);
        return poll;
    }

    private static List<PollSlot> slots(UUID pollId) {
        return PollSlot.list("pollId", Sort.ascending("position"), pollId);
    }
}
