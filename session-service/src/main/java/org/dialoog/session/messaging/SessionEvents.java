package org.dialoog.session.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.Session;

/** The payloads of session events. */
public final class SessionEvents {

    private SessionEvents() {
    }

    /** A session was scheduled. */
    public record Scheduled(UUID sessionId, UUID engagementId, String tenant, String type, String title,
                            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, List<String> facilitators) {

        public static Scheduled of(Session s) {
            return new Scheduled(s.id, s.engagementId, s.tenant, s.type.name(), s.title, s.startsAt, s.endsAt,
                    s.timeZone, List.of(s.facilitators));
        }
    }

    /** A session was cancelled, by a facilitator or because its engagement closed. */
    public record Cancelled(UUID sessionId, UUID engagementId, String tenant, String reason, OffsetDateTime startsAt) {

        public static Cancelled of(Session s) {
            return new Cancelled(s.id, s.engagementId, s.tenant, s.cancelReason, s.startsAt);
        }
    }
}
