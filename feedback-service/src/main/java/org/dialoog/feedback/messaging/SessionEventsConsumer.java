package org.dialoog.feedback.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.feedback.KnownSession;
import org.dialoog.feedback.SessionAttendee;
import org.dialoog.feedback.service.RoundService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;

/** Learns sessions and who attended them from session-service; a completed session may open its evaluation round. */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String NAME = "session-events";
    private static final String P = "nl.dialoog.session.";

    private final EventInbox inbox;
    private final RoundService rounds;

    SessionEventsConsumer(EventInbox inbox, RoundService rounds) {
        this.inbox = inbox;
        this.rounds = rounds;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case P + "session-scheduled.v1" -> session(e, "PLANNED");
            case P + "session-cancelled.v1" -> session(e, "CANCELLED");
            case P + "session-completed.v1" -> {
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
            default -> LOG.debugf("Skipping event type %s (%s): feedback-service does not need it", e.type(), e.id());
        }
    }

    private static OffsetDateTime time(String iso) {
        return iso == null || iso.isBlank() ? null : OffsetDateTime.parse(iso);
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
            s.persist();
            return s;
        }
        s.status = status;
        if (e.data().hasNonNull("startsAt")) {
            s.startsAt = time(e.data().path("startsAt").asText());
        }
        return s;
    }
}
