package org.dialoog.engagement.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.engagement.SessionHeld;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;

/** Counts the sessions each engagement held, from session-service's SessionCompleted, for the health view. */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String NAME = "session-events";
    static final String SESSION_COMPLETED = "nl.dialoog.session.session-completed.v1";

    private final EventInbox inbox;

    SessionEventsConsumer(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        if (!SESSION_COMPLETED.equals(e.type())) {
            LOG.debugf("Skipping event type %s (%s): engagement-service counts only completed sessions", e.type(), e.id());
            return;
        }
        UUID sessionId = e.uuid("sessionId");
        if (SessionHeld.findById(sessionId) != null) {
            return;
        }
        SessionHeld held = new SessionHeld();
        held.sessionId = sessionId;
        held.engagementId = e.uuid("engagementId");
        held.completedAt = OffsetDateTime.parse(e.text("completedAt"));
        held.persist();
    }
}
