package org.dialoog.testkit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents (binary binding) to the test broker as another service would, for consumer tests. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher() {
        Properties p = new Properties();
        p.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                DialoogTestResource.broker().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Sends an event with a chosen id (the same id twice is a redelivery), keyed by its engagement. */
    public String send(
            String topic, String source, String eventId, String type, UUID engagementId, String tenant, String data) {
        return sendRaw(event(topic, source, eventId, type, engagementId, tenant, data), eventId);
    }

    /** Sends many records without waiting for each: for bulk traffic. Returns once Kafka has taken them all. */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> r : records) {
            sent.add(producer.send(r));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not take a test event", e);
            }
        }
    }

    /** A Dialoog CloudEvent (binary binding) as engagement-, session- and feedback-service write them. */
    public static ProducerRecord<String, String> event(
            String topic, String source, String eventId, String type, UUID engagementId, String tenant, String data) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, engagementId.toString(), data);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", eventId);
        header(r, "ce_source", source);
        header(r, "ce_type", type);
        header(r, "ce_subject", engagementId.toString());
        header(r, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(r, "ce_tenant", tenant);
        header(r, "ce_dataschema", source + ":asyncapi#/components/schemas/" + type);
        header(r, "content-type", "application/json");
        return r;
    }

    /** Sends a record exactly as given (for malformed events). */
    public String sendRaw(ProducerRecord<String, String> r, String eventId) {
        try {
            producer.send(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the test event " + eventId, e);
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
