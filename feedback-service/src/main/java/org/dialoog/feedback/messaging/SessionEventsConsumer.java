package org.dialoog.feedback.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.feedback.service.SessionReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Learns sessions and who attended them from session-service; a completed session may open its evaluation round. */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String NAME = "session-events";
    private static final String P = "nl.dialoog.session.";

    private final EventInbox inbox;
    private final SessionReadModel sessions;

    SessionEventsConsumer(EventInbox inbox, SessionReadModel sessions) {
        this.inbox = inbox;
        this.sessions = sessions;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case P + "session-scheduled.v1" -> sessions.scheduled(e);
            case P + "session-cancelled.v1" -> sessions.cancelled(e);
            case P + "session-completed.v1" -> sessions.completed(e);
            default -> LOG.debugf("Skipping event type %s (%s): feedback-service does not need it", e.type(), e.id());
        }
    }
}
