package org.dialoog.session.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dialoog.session.Attendance;
import org.dialoog.session.Invitation;
import org.dialoog.session.Session;
import org.jspecify.annotations.Nullable;

/** The payloads of session events: ids and times, never a name or an e-mail address. */
public final class SessionEvents {

    private SessionEvents() {}

    /** A session was scheduled. */
    public record Scheduled(
            UUID sessionId,
            UUID engagementId,
            String tenant,
            String type,
            String title,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String timeZone,
            List<String> facilitators,
            @Nullable Integer capacity,
            boolean openRegistration,
            int sequence,
            @Nullable UUID initiatedByPartyId,
            int agendaItems,
            int agendaItemsInitiatedByParties) {

        public static Scheduled of(Session s) {
            return new Scheduled(
                    s.id,
                    s.engagementId,
                    s.tenant,
                    s.type.name(),
                    s.title,
                    s.startsAt,
                    s.endsAt,
                    s.timeZone,
                    List.of(s.facilitators),
                    s.capacity,
                    s.openRegistration,
                    s.sequence,
                    s.initiatedByPartyId,
                    s.agenda == null ? 0 : s.agenda.size(),
                    s.agenda == null
                            ? 0
                            : (int) s.agenda.stream()
                                    .filter(i -> i.initiatedByPartyId() != null)
                                    .count());
        }
    }

    /** A session moved in time; its invitations stay, and {@code invitees} should hear of it. */
    public record Rescheduled(
            UUID sessionId,
            UUID engagementId,
            String tenant,
            OffsetDateTime previousStartsAt,
            OffsetDateTime previousEndsAt,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String timeZone,
            int sequence,
            List<UUID> invitees) {

        public static Rescheduled of(
                Session s, OffsetDateTime previousStart, OffsetDateTime previousEnd, List<UUID> invitees) {
            return new Rescheduled(
                    s.id,
                    s.engagementId,
                    s.tenant,
                    previousStart,
                    previousEnd,
                    s.startsAt,
                    s.endsAt,
                    s.timeZone,
                    s.sequence,
                    invitees);
        }
    }

    /** A session was cancelled, by a facilitator or because its engagement closed. */
    public record Cancelled(
            UUID sessionId,
            UUID engagementId,
            String tenant,
            String reason,
            OffsetDateTime startsAt,
            int sequence,
            List<UUID> invitees) {

        public static Cancelled of(Session s, List<UUID> invitees) {
            return new Cancelled(
                    s.id,
                    s.engagementId,
                    s.tenant,
                    Objects.requireNonNull(s.cancelReason, "a cancelled session has a reason"),
                    s.startsAt,
                    s.sequence,
                    invitees);
        }
    }

    /** A session took place; {@code attendees} are those marked present, with their parties. */
    public record Completed(
            UUID sessionId,
            UUID engagementId,
            String tenant,
            String type,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime completedAt,
            List<Attendee> attendees) {

        public static Completed of(Session s, List<Attendance> present) {
            return new Completed(
                    s.id,
                    s.engagementId,
                    s.tenant,
                    s.type.name(),
                    s.startsAt,
                    s.endsAt,
                    Objects.requireNonNull(s.completedAt, "a completed session has completedAt"),
                    present.stream()
                            .map(a -> new Attendee(a.participantId, a.partyId))
                            .toList());
        }
    }

    /** Someone who was there. */
    public record Attendee(UUID participantId, UUID partyId) {}

    /**
     * An invitee answered, or was given a seat from the waitlist ({@code promotedFromWaitlist}).
     * {@code response} is what they said, {@code status} where that left them (ACCEPTED may become WAITLISTED).
     */
    public record InvitationResponded(
            UUID sessionId,
            UUID engagementId,
            String tenant,
            UUID participantId,
            UUID partyId,
            String response,
            String status,
            boolean promotedFromWaitlist,
            OffsetDateTime at) {

        public static InvitationResponded of(Session s, Invitation i, Invitation.Status response, boolean promoted) {
            return new InvitationResponded(
                    s.id,
                    s.engagementId,
                    s.tenant,
                    i.participantId,
                    i.partyId,
                    response.name(),
                    i.status.name(),
                    promoted,
                    OffsetDateTime.now(ZoneOffset.UTC));
        }
    }
}
