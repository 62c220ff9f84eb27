package org.dialoog.session.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.session.events.EventTypes;
import org.dialoog.session.service.EngagementReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps session-service's picture of engagements current from engagement-service's events. */
@ApplicationScoped
public class EngagementEventsConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventsConsumer.class);
    static final String NAME = "engagement-events";

    private final EventInbox inbox;
    private final EngagementReadModel readModel;

    EngagementEventsConsumer(EventInbox inbox, EngagementReadModel readModel) {
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
            case EventTypes.Engagement.CREATED, EventTypes.Engagement.UPDATED ->
                readModel.upsert(
                        e.uuid("engagementId"),
                        e.text("title"),
                        e.text("status"),
                        e.texts("facilitators"),
                        e.texts("clientContacts"),
                        e.data().path("version").asLong());
            case EventTypes.Engagement.STATUS_CHANGED ->
                readModel.changeStatus(
                        e.uuid("engagementId"),
                        e.text("to"),
                        e.data().path("reason").asText(null));
            case EventTypes.Engagement.DELETED -> readModel.forget(e.uuid("engagementId"));
            case EventTypes.Engagement.PARTY_ADDED, EventTypes.Engagement.PARTY_UPDATED ->
                readModel.party(e.uuid("partyId"), e.uuid("engagementId"));
            case EventTypes.Engagement.PARTY_REMOVED -> readModel.partyRemoved(e.uuid("partyId"));
            case EventTypes.Engagement.PARTICIPANT_ADDED, EventTypes.Engagement.PARTICIPANT_UPDATED ->
                readModel.participant(e.uuid("participantId"), e.uuid("engagementId"), e.uuid("partyId"));
            case EventTypes.Engagement.PARTICIPANT_REMOVED -> readModel.participantRemoved(e.uuid("participantId"));
            case EventTypes.Engagement.PARTY_LEAD_GRANTED,
                    EventTypes.Engagement.PARTY_LEAD_UPDATED,
                    EventTypes.Engagement.PARTY_LEAD_REVOKED ->
                readModel.partyLead(
                        e.uuid("partyLeadId"),
                        e.uuid("engagementId"),
                        e.uuid("partyId"),
                        e.text("userId"),
                        e.texts("rights"));
            default -> LOG.debugf("Skipping event type %s (%s): session-service does not need it", e.type(), e.id());
        }
    }
}
