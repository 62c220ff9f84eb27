package org.dialoog.feedback.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.feedback.KnownParticipant;
import org.dialoog.feedback.KnownParty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps feedback-service's picture of parties and participants (who may answer, for which party) current. */
@ApplicationScoped
public class EngagementEventsConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventsConsumer.class);
    static final String NAME = "engagement-events";
    private static final String P = "nl.dialoog.engagement.";

    private final EventInbox inbox;

    EngagementEventsConsumer(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(NAME)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(NAME, record, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case P + "party-added.v1", P + "party-updated.v1" -> {
                KnownParty p = KnownParty.findById(e.uuid("partyId"));
                boolean isNew = p == null;
                if (isNew) {
                    p = new KnownParty();
                    p.id = e.uuid("partyId");
                }
                p.engagementId = e.uuid("engagementId");
                p.name = e.text("name");
                if (isNew) {
                    p.persist();
                }
            }
            case P + "party-removed.v1" -> KnownParty.deleteById(e.uuid("partyId"));
            case P + "participant-added.v1", P + "participant-updated.v1" -> {
                UUID id = e.uuid("participantId");
                KnownParticipant p = KnownParticipant.findById(id);
                boolean isNew = p == null;
                if (isNew) {
                    p = new KnownParticipant();
                    p.id = id;
                }
                p.engagementId = e.uuid("engagementId");
                p.partyId = e.uuid("partyId");
                if (isNew) {
                    p.persist();
                }
            }
            case P + "participant-removed.v1" -> KnownParticipant.deleteById(e.uuid("participantId"));
            default -> LOG.debugf("Skipping event type %s (%s): feedback-service does not need it", e.type(), e.id());
        }
    }
}
