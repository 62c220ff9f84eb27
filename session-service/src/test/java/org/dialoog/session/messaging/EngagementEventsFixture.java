package org.dialoog.session.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dialoog.local.DialoogTestResource;
import org.dialoog.local.DocumentedEvents;

/**
 * Publishes engagement events as engagement-service documents them (docs/asyncapi), so
 * session-service is tested against the producer's contract on a real broker.
 */
public final class EngagementEventsFixture implements AutoCloseable {

    public static final String TOPIC = "dialoog.engagements";
    private final KafkaProducer<String, String> producer;

    public EngagementEventsFixture() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DialoogTestResource.broker().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** engagement-service's documented example of engagement-created, for this engagement. */
    public String created(UUID engagementId, String tenant, String status) {
        String type = "nl.dialoog.engagement.engagement-created.v1";
        String data = DocumentedEvents.example("engagement-service", type,
                Map.of("engagementId", engagementId.toString(), "tenant", tenant, "status", status));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** engagement-service's documented example of engagement-status-changed, for this engagement. */
    public String statusChanged(UUID engagementId, String tenant, String from, String to) {
        String type = "nl.dialoog.engagement.engagement-status-changed.v1";
        String data = DocumentedEvents.example("engagement-service", type,
                Map.of("engagementId", engagementId.toString(), "tenant", tenant, "from", from, "to", to));
        return send(UUID.randomUUID().toString(), type, engagementId, tenant, data);
    }

    /** Sends an event with a chosen id: the same id twice is a redelivery. */
    public String send(String eventId, String type, UUID engagementId, String tenant, String data) {
        ProducerRecord<String, String> r = new ProducerRecord<>(TOPIC, engagementId.toString(), data);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", eventId);
        header(r, "ce_source", "urn:dialoog:engagement-service");
        header(r, "ce_type", type);
        header(r, "ce_subject", engagementId.toString());
        header(r, "ce_time", OffsetDateTime.now().toString());
        header(r, "ce_tenant", tenant);
        header(r, "content-type", "application/json");
        return sendRaw(r, eventId);
    }

    public String sendRaw(ProducerRecord<String, String> r, String eventId) {
        try {
            producer.send(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
