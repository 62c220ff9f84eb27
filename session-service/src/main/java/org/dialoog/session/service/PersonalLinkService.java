package org.dialoog.session.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.Invitation;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.PersonalLink;
import org.dialoog.session.Registration;
import org.dialoog.session.SchedulingPoll;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a personal link opens, for its holder alone, and what they may do with it. A code that is
 * wrong, or spent, is the same 404: a link is spent 30 days after its session ended or was
 * cancelled, a registration's link once the registration is cancelled, and a poll's link once the
 * poll is decided (the invitation to the session it scheduled brings its own link). Runs for the
 * link's tenant, set from the code before the transaction began.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonalLinkService {

    /** How long after its session a link still shows it (and its calendar). */
    static final Duration AFTERWARDS = Duration.ofDays(30);

    private final PersonalLinks links;
    private final InvitationService invitations;
    private final RegistrationService registrations;
    private final PollService polls;
    private final Seats seats;

    PersonalLinkService(
            PersonalLinks links,
            InvitationService invitations,
            RegistrationService registrations,
            PollService polls,
            Seats seats) {
        this.links = links;
        this.invitations = invitations;
        this.registrations = registrations;
        this.polls = polls;
        this.seats = seats;
    }

    /** An invitation as its invitee sees it: the session, its seats and their own answer. */
    public record InvitationLink(
            Session session,
            Invitation invitation,
            @Nullable Integer seatsFree,
            long waiting) {}

    /** A registration as its registrant sees it. */
    public record RegistrationLink(Session session, Registration registration) {}

    /** The same answer for a wrong code and a spent one: never a hint whether a code exists. */
    public static DomainException noLink() {
        return new DomainException(404, "Not found", "No personal link has this code, or it is no longer valid.");
    }

    @Transactional
    public InvitationLink invitation(String code) {
        Invitation inv = invitationOf(code);
        Session s = live(Session.findById(inv.sessionId));
        long waiting = Invitation.count("sessionId = ?1 and status = ?2", s.id, Invitation.Status.WAITLISTED)
                + Registration.count("sessionId = ?1 and status = ?2", s.id, Registration.Status.WAITLISTED);
        Integer free = s.capacity == null ? null : Math.max(0, s.capacity - seats.taken(s.id));
        return new InvitationLink(s, inv, free, waiting);
    }

    public String invitationCalendar(String code) {
        Invitation inv = invitationOf(code);
        return CalendarWriter.write(List.of(live(Session.findById(inv.sessionId))), null);
    }

    /** Answers with the invitee's own link; the rules of {@link InvitationService#respond}. */
    @Transactional
    public InvitationLink respond(String code, Invitation.Status response) {
        Invitation inv = invitationOf(code);
        live(Session.findById(inv.sessionId));
        invitations.respondByLink(inv.id, response);
        return invitation(code);
    }

    public PollService.Ballot ballot(String code) {
        PersonalLink link = link(PersonalLink.Kind.POLL, code);
        openPollOf(link);
        return polls.ballot(link.targetId, link.subjectId);
    }

    /** Votes with the participant's own link; the rules of {@link PollService#vote}. */
    @Transactional
    public PollService.Ballot vote(String code, List<UUID> available) {
        PersonalLink link = link(PersonalLink.Kind.POLL, code);
        openPollOf(link);
        polls.voteByLink(link.targetId, link.subjectId, available);
        return polls.ballot(link.targetId, link.subjectId);
    }

    public RegistrationLink registration(String code) {
        Registration r = registrationOf(code);
        return new RegistrationLink(live(Session.findById(r.sessionId)), r);
    }

    public String registrationCalendar(String code) {
        return CalendarWriter.write(List.of(registration(code).session()), null);
    }

    /** Cancels with the registrant's own link; the link is spent afterwards. */
    @Transactional
    public RegistrationLink cancelRegistration(String code) {
        Registration r = registrationOf(code);
        Session s = live(Session.findById(r.sessionId));
        return new RegistrationLink(s, registrations.cancelByLink(r.id));
    }

    private PersonalLink link(PersonalLink.Kind kind, String code) {
        return links.find(kind, code).orElseThrow(PersonalLinkService::noLink);
    }

    private Invitation invitationOf(String code) {
        Invitation inv = Invitation.findById(link(PersonalLink.Kind.INVITATION, code).subjectId);
        if (inv == null) {
            throw noLink();
        }
        return inv;
    }

    private Registration registrationOf(String code) {
        Registration r = Registration.findById(link(PersonalLink.Kind.REGISTRATION, code).subjectId);
        if (r == null || r.status == Registration.Status.CANCELLED) {
            throw noLink();
        }
        return r;
    }

    private static void openPollOf(PersonalLink link) {
        SchedulingPoll poll = SchedulingPoll.findById(link.targetId);
        KnownParticipant p = KnownParticipant.findById(link.subjectId);
        if (poll == null
                || poll.status != SchedulingPoll.Status.OPEN
                || p == null
                || !p.engagementId.equals(poll.engagementId)
                || !Arrays.asList(poll.partyIds).contains(p.partyId)) {
            throw noLink();
        }
    }

    /** The session, unless it is long over or long cancelled. */
    private static Session live(@Nullable Session s) {
        OffsetDateTime cutOff = OffsetDateTime.now(ZoneOffset.UTC).minus(AFTERWARDS);
        if (s == null
                || s.endsAt.isBefore(cutOff)
                || (s.status == SessionStatus.CANCELLED && s.updatedAt.isBefore(cutOff))) {
            throw noLink();
        }
        return s;
    }
}
