package org.dialoog.session.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;

/**
 * Publishes engagement events as engagement-service documents them (docs/asyncapi), so
 * session-service is tested against the producer's contract on a real broker.
 */
public final class EngagementEventsFixture implements AutoCloseable {

    public static final String TOPIC = "dialoog.engagements";
    private static final String SOURCE = "urn:dialoog:engagement-service";
    private final EventPublisher publisher = new EventPublisher();

    /** engagement-service's documented example of engagement-created, for this engagement. */
    public String created(UUID engagementId, String tenant, String status) {
        String type = "nl.dialoog.engagement.engagement-created.v1";
        String data = DocumentedEvents.example(
                "engagement-service",
                type,
                Map.of("engagementId", engagementId.toString(), "tenant", tenant, "status", status));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** engagement-service's documented example of engagement-status-changed, for this engagement. */
    public String statusChanged(UUID engagementId, String tenant, String from, String to) {
        String type = "nl.dialoog.engagement.engagement-status-changed.v1";
        String data = DocumentedEvents.example(
                "engagement-service",
                type,
                Map.of("engagementId", engagementId.toString(), "tenant", tenant, "from", from, "to", to));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** engagement-service's documented example of party-added: this party joins this engagement. */
    public String partyAdded(UUID engagementId, String tenant, UUID partyId) {
        String type = "nl.dialoog.engagement.party-added.v1";
        String data = DocumentedEvents.example(
                "engagement-service",
                type,
                Map.of("engagementId", engagementId.toString(), "tenant", tenant, "partyId", partyId.toString()));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** engagement-service's documented example of party-removed. */
    public String partyRemoved(UUID engagementId, String tenant, UUID partyId) {
        String type = "nl.dialoog.engagement.party-removed.v1";
        String data = DocumentedEvents.example(
                "engagement-service",
                type,
                Map.of("engagementId", engagementId.toString(), "tenant", tenant, "partyId", partyId.toString()));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** engagement-service's documented example of participant-added: this participant joins this party. */
    public String participantAdded(UUID engagementId, String tenant, UUID partyId, UUID participantId) {
        String type = "nl.dialoog.engagement.participant-added.v1";
        String data = DocumentedEvents.example(
                "engagement-service",
                type,
                Map.of(
                        "engagementId",
                        engagementId.toString(),
                        "tenant",
                        tenant,
                        "partyId",
                        partyId.toString(),
                        "participantId",
                        participantId.toString()));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /**
     * engagement-service's documented example of party-lead-granted, -updated or -revoked ({@code kind}): this user
     * leads this party with these rights (none: revoked).
     */
    public String partyLead(
            String kind,
            UUID leadId,
            UUID engagementId,
            String tenant,
            UUID partyId,
            String userId,
            List<String> rights) {
        String type = "nl.dialoog.engagement.party-lead-" + kind + ".v1";
        String data = DocumentedEvents.example(
                "engagement-service",
                type,
                Map.of(
                        "partyLeadId",
                        leadId.toString(),
                        "engagementId",
                        engagementId.toString(),
                        "tenant",
                        tenant,
                        "partyId",
                        partyId.toString(),
                        "userId",
                        userId,
                        "rights",
                        rights));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** Sends an event with a chosen id: the same id twice is a redelivery. */
    public String send(String eventId, String type, UUID engagementId, String tenant, String data) {
        return publisher.send(TOPIC, SOURCE, eventId, type, engagementId, tenant, data);
    }

    public String sendRaw(ProducerRecord<String, String> r, String eventId) {
        return publisher.sendRaw(r, eventId);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
