package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.SessionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as the API shows it. */
@Schema(name = "Session")
public record SessionView(UUID id, UUID engagementId, SessionType type, String title, String description,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                          SessionRequest.Location location, Integer capacity, List<String> facilitators,
                          boolean openRegistration, SessionStatus status, String cancelReason, long version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static SessionView of(Session s) {
        return new SessionView(s.id, s.engagementId, s.type, s.title, s.description, s.startsAt, s.endsAt, s.timeZone,
                new SessionRequest.Location(SessionRequest.LocationMode.valueOf(s.locationMode), s.locationAddress, s.locationUrl),
                s.capacity, List.of(s.facilitators), s.openRegistration, s.status, s.cancelReason, s.version, s.createdAt, s.updatedAt);
    }
}
