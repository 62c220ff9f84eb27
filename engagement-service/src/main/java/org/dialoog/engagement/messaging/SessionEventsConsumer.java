package org.dialoog.engagement.messaging;

import java.time.OffsetDateTime;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.engagement.service.SessionReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Counts the sessions each engagement held, from session-service's SessionCompleted, for the health view. */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String NAME = "session-events";
    static final String SESSION_COMPLETED = "nl.dialoog.session.session-completed.v1";

    private final EventInbox inbox;
    private final SessionReadModel readModel;

    SessionEventsConsumer(EventInbox inbox, SessionReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case SESSION_COMPLETED ->
                readModel.sessionCompleted(
                        e.uuid("sessionId"), e.uuid("engagementId"), OffsetDateTime.parse(e.text("completedAt")));
            default ->
                LOG.debugf(
                        "Skipping event type %s (%s): engagement-service counts only completed sessions",
                        e.type(), e.id());
        }
    }
}
