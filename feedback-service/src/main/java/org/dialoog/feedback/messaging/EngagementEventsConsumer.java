package org.dialoog.feedback.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.feedback.service.EngagementReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps feedback-service's picture of engagements, parties and participants current from engagement events. */
@ApplicationScoped
public class EngagementEventsConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventsConsumer.class);
    static final String NAME = "engagement-events";
    private static final String P = "nl.dialoog.engagement.";

    private final EventInbox inbox;
    private final EngagementReadModel engagements;

    EngagementEventsConsumer(EventInbox inbox, EngagementReadModel engagements) {
        this.inbox = inbox;
        this.engagements = engagements;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case P + "party-added.v1", P + "party-updated.v1" -> engagements.partySeen(e);
            case P + "party-removed.v1" -> engagements.partyRemoved(e);
            case P + "participant-added.v1", P + "participant-updated.v1" -> engagements.participantSeen(e);
            case P + "participant-removed.v1" -> engagements.participantRemoved(e);
            case P + "engagement-created.v1", P + "engagement-updated.v1" -> engagements.engagementSeen(e);
            case P + "engagement-status-changed.v1" -> engagements.statusChanged(e);
            case P + "engagement-deleted.v1" -> engagements.engagementDeleted(e);
            default -> LOG.debugf("Skipping event type %s (%s): feedback-service does not need it", e.type(), e.id());
        }
    }
}
