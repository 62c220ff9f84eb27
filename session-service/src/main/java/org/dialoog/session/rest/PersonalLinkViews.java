package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;

import org.dialoog.session.AgendaItem;
import org.dialoog.session.Invitation;
import org.dialoog.session.LocationMode;
import org.dialoog.session.PollVote;
import org.dialoog.session.Registration;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.SessionType;
import org.dialoog.session.service.CalendarService;
import org.dialoog.session.service.PersonalLinkService;
import org.dialoog.session.service.PollService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What personal links show: only the holder's own answer, vote or registration, never anyone else's. */
final class PersonalLinkViews {

    /** Rate limits and the 404 rule every personal-link operation shares. */
    static final String PUBLIC = " No token: the code in the path is the credential. A wrong code and a spent one "
            + "answer the same 404. Limited per client address and per code (429 with Retry-After).";

    private PersonalLinkViews() {}

    /** A calendar file to open or save. */
    static Response ics(String body) {
        return Response.ok(body, CalendarService.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"session.ics\"")
                .build();
    }

    /** A session as someone with a personal link sees it. */
    @Schema(name = "PersonalSession")
    record PersonalSession(
            UUID id,
            SessionType type,
            String title,
            @Schema(nullable = true) @Nullable String description,
            List<AgendaItem> agenda,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String timeZone,
            SessionRequest.Location location,
            SessionStatus status,
            @Schema(nullable = true) @Nullable String cancelReason,
            @Schema(description = "iCalendar SEQUENCE") int sequence) {

        static PersonalSession of(Session s) {
            return new PersonalSession(
                    s.id,
                    s.type,
                    s.title,
                    s.description,
                    s.agenda == null ? List.of() : s.agenda,
                    s.startsAt,
                    s.endsAt,
                    s.timeZone,
                    new SessionRequest.Location(LocationMode.valueOf(s.locationMode), s.locationAddress, s.locationUrl),
                    s.status,
                    s.cancelReason,
                    s.sequence);
        }
    }

    /** An invitation as its invitee sees it. */
    @Schema(name = "PersonalInvitation")
    record PersonalInvitation(
            PersonalSession session,

            @Schema(description = "The invitee's own answer, or INVITED before they gave one")
            Invitation.Status status,

            @Schema(nullable = true) @Nullable OffsetDateTime respondedAt,
            @Schema(nullable = true) @Nullable Integer capacity,

            @Schema(description = "Seats still free; null when the session has no capacity", nullable = true) @Nullable
            Integer seatsFree,

            @Schema(description = "How many wait for a seat")
            long waitlistLength) {

        static PersonalInvitation of(PersonalLinkService.InvitationLink l) {
            return new PersonalInvitation(
                    PersonalSession.of(l.session()),
                    l.invitation().status,
                    l.invitation().respondedAt,
                    l.session().capacity,
                    l.seatsFree(),
                    l.waiting());
        }
    }

    /** An invitee's answer through their link. */
    @Schema(name = "PersonalInvitationResponse")
    record PersonalInvitationResponse(
            @NotNull @Schema(enumeration = {"ACCEPTED", "DECLINED", "TENTATIVE"})
            Invitation.Status response) {}

    /** A registration as its registrant sees it (without name or e-mail). */
    @Schema(name = "PersonalRegistration")
    record PersonalRegistration(
            UUID id,
            PersonalSession session,
            Registration.Status status,
            OffsetDateTime registeredAt,
            @Schema(nullable = true) @Nullable OffsetDateTime waitlistedAt,
            @Schema(nullable = true) @Nullable OffsetDateTime cancelledAt) {

        static PersonalRegistration of(PersonalLinkService.RegistrationLink l) {
            Registration r = l.registration();
            return new PersonalRegistration(
                    r.id, PersonalSession.of(l.session()), r.status, r.registeredAt, r.waitlistedAt, r.cancelledAt);
        }
    }

    /** One candidate slot of a poll. */
    @Schema(name = "PersonalPollSlot")
    record Slot(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    /** A poll as one participant sees it: the slots and their own vote. */
    @Schema(name = "PersonalPoll")
    record PersonalPoll(
            UUID id,
            String title,
            List<Slot> slots,

            @Schema(description = "The slots this participant said they can make; [] before they voted")
            List<UUID> availableSlotIds,

            @Schema(nullable = true) @Nullable OffsetDateTime votedAt) {

        static PersonalPoll of(PollService.Ballot b) {
            PollVote v = b.vote();
            return new PersonalPoll(
                    b.poll().id,
                    b.poll().title,
                    b.slots().stream()
                            .map(s -> new Slot(s.id, s.startsAt, s.endsAt))
                            .toList(),
                    v == null ? List.of() : List.of(v.available),
                    v == null ? null : v.votedAt);
        }
    }

    /** A participant's vote through their link: the slots they can make (replaces an earlier vote). */
    @Schema(name = "PersonalPollVote")
    record PersonalPollVote(@NotNull @Size(max = 50) List<@NotNull UUID> availableSlotIds) {}
}
