package org.dialoog.feedback.messaging;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.feedback.KnownEngagement;
import org.dialoog.feedback.KnownParticipant;
import org.dialoog.feedback.KnownParty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;

/** Keeps feedback-service's picture of engagements (who may see their feedback), parties and participants (who may answer, for which party) current. */
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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
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
            case P + "engagement-created.v1", P + "engagement-updated.v1" -> engagement(e);
            case P + "engagement-status-changed.v1" -> {
                KnownEngagement k = KnownEngagement.findById(e.uuid("engagementId"));
                if (k != null) {
                    k.status = e.text("to");
                }
            }
            case P + "engagement-deleted.v1" -> KnownEngagement.deleteById(e.uuid("engagementId"));
            default -> LOG.debugf("Skipping event type %s (%s): feedback-service does not need it", e.type(), e.id());
        }
    }

    private static void engagement(IncomingEvent e) {
        UUID id = e.uuid("engagementId");
        long version = e.data().path("version").asLong();
        KnownEngagement k = KnownEngagement.findById(id);
        boolean isNew = k == null;
        if (isNew) {
            k = new KnownEngagement();
            k.id = id;
        } else if (version < k.sourceVersion) {
            return;
        }
        k.status = e.text("status");
        k.facilitators = e.texts("facilitators");
        k.clientContacts = e.texts("clientContacts");
        k.sourceVersion = version;
        if (isNew) {
            k.persist();
        }
    }
}
