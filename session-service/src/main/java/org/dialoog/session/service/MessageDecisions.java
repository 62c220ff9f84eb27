package org.dialoog.session.service;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.mail.MessageKind;
import org.dialoog.conventions.mail.MessageRequest;
import org.dialoog.conventions.mail.Messages;
import org.dialoog.session.Invitation;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.PersonalLink;
import org.dialoog.session.Registration;
import org.dialoog.session.SchedulingPoll;
import org.dialoog.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * Decides the messages a session's facts cause, in the transaction of the fact ({@link Messages}):
 * recipients by id only, a new personal link per message that carries one, and the session as an
 * iCalendar {@code REQUEST} or {@code CANCEL} where a calendar app should take it in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageDecisions {

    private static final String REQUEST = "REQUEST";
    private static final String CANCEL = "CANCEL";

    private final Messages messages;
    private final PersonalLinks links;

    MessageDecisions(Messages messages, PersonalLinks links) {
        this.messages = messages;
        this.links = links;
    }

    /** A new invitation: its link and the session to put in the calendar. */
    public void invited(Session s, Invitation inv) {
        toInvitee(MessageKind.INVITATION, s, inv, calendar(s, REQUEST), Map.of());
    }

    /** An acceptance while the session was full. */
    public void waitlisted(Session s, Invitation inv) {
        toInvitee(MessageKind.INVITATION_WAITLISTED, s, inv, null, Map.of());
    }

    /** A waiting invitee got a seat. */
    public void movedUp(Session s, Invitation inv) {
        toInvitee(MessageKind.INVITATION_MOVED_UP, s, inv, calendar(s, REQUEST), Map.of());
    }

    /** A waiting public registration got a seat. */
    public void movedUp(Session s, Registration r) {
        toRegistrant(MessageKind.REGISTRATION_MOVED_UP, s, r, calendar(s, REQUEST), Map.of());
    }

    /** A new public registration: confirmed or waiting, with the link that manages it. */
    public void registered(Session s, Registration r) {
        boolean confirmed = r.status == Registration.Status.CONFIRMED;
        toRegistrant(
                confirmed ? MessageKind.REGISTRATION_CONFIRMED : MessageKind.REGISTRATION_WAITLISTED,
                s,
                r,
                confirmed ? calendar(s, REQUEST) : null,
                Map.of());
    }

    /** The session moved (time or place): everyone still expected gets the new SEQUENCE. */
    public void rescheduled(Session s) {
        MessageRequest.CalendarAttachment calendar = calendar(s, REQUEST);
        invitees(s, List.of(Invitation.Status.DECLINED))
                .forEach(inv -> toInvitee(MessageKind.SESSION_RESCHEDULED, s, inv, calendar, Map.of()));
        registrants(s, false).forEach(r -> toRegistrant(MessageKind.SESSION_RESCHEDULED, s, r, calendar, Map.of()));
    }

    /** The invitation was taken back: a CANCEL for the invitee's calendar; no link (it no longer opens anything). */
    public void withdrawn(Session s, Invitation inv) {
        request(MessageKind.INVITATION_WITHDRAWN, recipient(inv), s, null, calendar(s, CANCEL), Map.of());
    }

    /** The session will not take place: a CANCEL for every calendar that holds it; no link. */
    public void cancelled(Session s) {
        MessageRequest.CalendarAttachment calendar = calendar(s, CANCEL);
        Map<String, String> extra = s.cancelReason == null ? Map.of() : Map.of("cancelReason", s.cancelReason);
        for (Invitation inv : invitees(s, List.of(Invitation.Status.DECLINED))) {
            request(MessageKind.SESSION_CANCELLED, recipient(inv), s, null, calendar, extra);
        }
        for (Registration r : registrants(s, false)) {
            request(MessageKind.SESSION_CANCELLED, recipient(r), s, null, calendar, extra);
        }
    }

    /** A reminder at {@code offset} before the start, to those who hold a seat or said maybe. */
    public int reminded(Session s, String offset) {
        Map<String, String> extra = Map.of("reminder", offset);
        List<Invitation> invitees = invitees(
                s, List.of(Invitation.Status.DECLINED, Invitation.Status.INVITED, Invitation.Status.WAITLISTED));
        List<Registration> registrants = registrants(s, true);
        invitees.forEach(inv -> toInvitee(MessageKind.SESSION_REMINDER, s, inv, null, extra));
        registrants.forEach(r -> toRegistrant(MessageKind.SESSION_REMINDER, s, r, null, extra));
        return invitees.size() + registrants.size();
    }

    /** Asked to vote in a poll, with the participant's own voting link. */
    public void askedToVote(SchedulingPoll poll, KnownParticipant p) {
        String link = links.issueUrl(PersonalLink.Kind.POLL, p.id, poll.id);
        messages.request(new MessageRequest(
                UUID.randomUUID(),
                MessageKind.POLL_INVITATION,
                new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, p.id),
                poll.engagementId,
                null,
                null,
                link,
                Map.of("pollTitle", poll.title),
                null));
    }

    private void toInvitee(
            MessageKind kind,
            Session s,
            Invitation inv,
            MessageRequest.@Nullable CalendarAttachment calendar,
            Map<String, String> extra) {
        String link = links.issueUrl(PersonalLink.Kind.INVITATION, inv.id, s.id);
        request(kind, recipient(inv), s, link, calendar, extra);
    }

    private void toRegistrant(
            MessageKind kind,
            Session s,
            Registration r,
            MessageRequest.@Nullable CalendarAttachment calendar,
            Map<String, String> extra) {
        String link = links.issueUrl(PersonalLink.Kind.REGISTRATION, r.id, s.id);
        request(kind, recipient(r), s, link, calendar, extra);
    }

    private void request(
            MessageKind kind,
            MessageRequest.Recipient to,
            Session s,
            @Nullable String link,
            MessageRequest.@Nullable CalendarAttachment calendar,
            Map<String, String> extra) {
        Map<String, String> values = values(s);
        values.putAll(extra);
        messages.request(
                new MessageRequest(UUID.randomUUID(), kind, to, s.engagementId, s.id, null, link, values, calendar));
    }

    /** What the templates show of a session: times in its own zone, with their offset. */
    static Map<String, String> values(Session s) {
        ZoneId zone = ZoneId.of(s.timeZone);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sessionTitle", s.title);
        values.put(
                "startsAt",
                s.startsAt.atZoneSameInstant(zone).toOffsetDateTime().toString());
        values.put("endsAt", s.endsAt.atZoneSameInstant(zone).toOffsetDateTime().toString());
        values.put("timeZone", s.timeZone);
        if (s.locationAddress != null) {
            values.put("location", s.locationAddress);
        }
        if (s.locationUrl != null) {
            values.put("onlineUrl", s.locationUrl);
        }
        return values;
    }

    private static MessageRequest.CalendarAttachment calendar(Session s, String method) {
        return new MessageRequest.CalendarAttachment(method, CalendarWriter.write(List.of(s), null, method));
    }

    private static List<Invitation> invitees(Session s, List<Invitation.Status> except) {
        return Invitation.list("sessionId = ?1 and status not in ?2", Sort.ascending("participantId"), s.id, except);
    }

    private static List<Registration> registrants(Session s, boolean confirmedOnly) {
        return confirmedOnly
                ? Registration.list(
                        "sessionId = ?1 and status = ?2",
                        Sort.ascending("registeredAt", "id"),
                        s.id,
                        Registration.Status.CONFIRMED)
                : Registration.list(
                        "sessionId = ?1 and status <> ?2",
                        Sort.ascending("registeredAt", "id"),
                        s.id,
                        Registration.Status.CANCELLED);
    }

    private static MessageRequest.Recipient recipient(Invitation inv) {
        return new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, inv.participantId);
    }

    private static MessageRequest.Recipient recipient(Registration r) {
        return new MessageRequest.Recipient(MessageRequest.RecipientType.REGISTRATION, r.id);
    }
}
