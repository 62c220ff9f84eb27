package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.AgendaItem;
import org.dialoog.session.LocationMode;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.SessionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A session as the API shows it. */
@Schema(name = "Session")
public record SessionView(
        UUID id,
        UUID engagementId,
        SessionType type,
        String title,
        @Schema(nullable = true) @Nullable String description,
        List<AgendaItem> agenda,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timeZone,
        SessionRequest.Location location,
        @Schema(nullable = true) @Nullable Integer capacity,
        List<String> facilitators,
        boolean openRegistration,

        @Schema(
                description = "Reminder offsets before the start (ISO-8601 durations)",
                examples = "[\"PT48H\",\"PT2H\"]")
        List<String> reminders,

        SessionStatus status,
        @Schema(nullable = true) @Nullable String cancelReason,

        @Schema(description = "iCalendar SEQUENCE: rises on every reschedule and on cancellation")
        int sequence,

        @Schema(nullable = true) @Nullable OffsetDateTime completedAt,
        long version,

        @Schema(description = "Who initiated the session: a facilitator, or a party through its party lead")
        InitiatedBy initiatedBy,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static SessionView of(Session s) {
        return new SessionView(
                s.id,
                s.engagementId,
                s.type,
                s.title,
                s.description,
                s.agenda == null ? List.of() : s.agenda,
                s.startsAt,
                s.endsAt,
                s.timeZone,
                new SessionRequest.Location(LocationMode.valueOf(s.locationMode), s.locationAddress, s.locationUrl),
                s.capacity,
                List.of(s.facilitators),
                s.openRegistration,
                List.of(s.reminders),
                s.status,
                s.cancelReason,
                s.sequence,
                s.completedAt,
                s.version,
                InitiatedBy.of(s.initiatedByPartyId),
                s.createdAt,
                s.updatedAt);
    }

    /** The editable fields, as a request a merge patch applies to. */
    public static SessionRequest editable(Session s) {
        return new SessionRequest(
                s.engagementId,
                s.type,
                s.title,
                s.description,
                s.agenda,
                s.startsAt,
                s.endsAt,
                s.timeZone,
                new SessionRequest.Location(LocationMode.valueOf(s.locationMode), s.locationAddress, s.locationUrl),
                s.capacity,
                List.of(s.facilitators),
                s.openRegistration,
                List.of(s.reminders));
    }
}
