package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.feedback.KnownSession;
import org.dialoog.feedback.SessionAttendee;
import org.jspecify.annotations.Nullable;

/**
 * The sessions feedback-service knows from session events, and who attended them; a completed
 * session may open its evaluation round. Each call runs in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionReadModel {

    private final RoundService rounds;

    SessionReadModel(RoundService rounds) {
        this.rounds = rounds;
    }

    public void scheduled(IncomingEvent e) {
        session(e, "PLANNED");
    }

    public void cancelled(IncomingEvent e) {
        session(e, "CANCELLED");
    }

    /** A session completed: its attendees replace any known before, and its evaluation round may open. */
    public void completed(IncomingEvent e) {
        KnownSession s = session(e, "COMPLETED");
        s.completedAt = time(e.data().path("completedAt").asText(null));
        SessionAttendee.delete("sessionId", s.id);
        for (var a : e.data().path("attendees")) {
            SessionAttendee attendee = new SessionAttendee();
            attendee.id = UUID.randomUUID();
            attendee.sessionId = s.id;
            attendee.participantId = UUID.fromString(a.path("participantId").asText());
            attendee.partyId = UUID.fromString(a.path("partyId").asText());
            attendee.persist();
        }
        SessionAttendee.flush();
        rounds.sessionCompleted(s.engagementId, s.id, e.tenant());
    }

    private static @Nullable OffsetDateTime time(@Nullable String iso) {
        return iso == null || iso.isBlank() ? null : OffsetDateTime.parse(iso);
    }

    private static @Nullable String title(IncomingEvent e) {
        String title = e.data().path("title").asText(null);
        return title == null || title.isBlank() ? null : title.substring(0, Math.min(200, title.length()));
    }

    private static KnownSession session(IncomingEvent e, String status) {
        UUID id = e.uuid("sessionId");
        KnownSession s = KnownSession.findById(id);
        if (s == null) {
            s = new KnownSession();
            s.id = id;
            s.engagementId = e.uuid("engagementId");
            s.type = e.data().path("type").asText("UNKNOWN");
            s.status = status;
            s.startsAt = time(e.data().path("startsAt").asText(null));
            s.title = title(e);
            s.persist();
            return s;
        }
        s.status = status;
        if (e.data().hasNonNull("title")) {
            s.title = title(e);
        }
        if (e.data().hasNonNull("startsAt")) {
            s.startsAt = time(e.data().path("startsAt").asText());
        }
        return s;
    }
}
