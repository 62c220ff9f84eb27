package org.dialoog.conventions.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the events this service's consumers gave up on (read back from its dead-letter topic),
 * lists them for the tenant's admins and replays one onto its original topic, unchanged (same
 * CloudEvents id), once the cause is fixed.
 */
@ApplicationScoped
public class DeadLetters {

    static final String CHANNEL = "dead-letters";
    private static final String NO_TENANT = "-";

    private final ObjectMapper json;
    private final Caller caller;
    private final String bootstrapServers;
    private @Nullable KafkaProducer<String, String> producer;

    DeadLetters(
            ObjectMapper json,
            Caller caller,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.json = json;
        this.caller = caller;
        this.bootstrapServers = bootstrapServers;
    }

    @Incoming(CHANNEL)
    @Blocking
    @ActivateRequestContext
    public void store(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new TreeMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        String tenant = headers.getOrDefault("ce_tenant", NO_TENANT);
        caller.actForTenant(tenant);
        QuarkusTransaction.requiringNew().run(() -> {
            DeadLetter d = new DeadLetter();
            // The dead-letter record's own position makes storing it idempotent.
            d.id = UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "/" + record.offset())
                    .getBytes(StandardCharsets.UTF_8));
            if (DeadLetter.findById(d.id) != null) {
                return;
            }
            d.eventId = headers.get("ce_id");
            d.eventType = headers.get("ce_type");
            d.originalTopic = headers.get("dead-letter-topic");
            d.originalPartition = parseInt(headers.get("dead-letter-partition"));
            d.originalOffset = parseLong(headers.get("dead-letter-offset"));
            d.reason = headers.getOrDefault("dead-letter-reason", "unknown");
            d.recordKey = record.key();
            d.recordValue = record.value();
            d.headers = write(headers);
            d.deadLetteredAt = OffsetDateTime.now(ZoneOffset.UTC);
            d.persist();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<DeadLetter> list(boolean includeReplayed, int page, int pageSize) {
        var q = includeReplayed
                ? DeadLetter.<DeadLetter>findAll(
                        Sort.descending("deadLetteredAt").and("id"))
                : DeadLetter.<DeadLetter>find(
                        "replayedAt is null", Sort.descending("deadLetteredAt").and("id"));
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(UUID id) {
        return DeadLetter.findByIdOptional(id);
    }

    /** Puts the original record back on its topic, without the dead-letter headers. */
    @Transactional
    public DeadLetter replay(UUID id) {
        DeadLetter d = DeadLetter.<DeadLetter>findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("Dead letter", id));
        if (d.originalTopic == null) {
            throw DomainException.conflict(
                    "Dead letter " + id + " does not say which topic it came from; it cannot be replayed.");
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(d.originalTopic, d.recordKey, d.recordValue);
        read(d.headers).forEach((k, v) -> {
            if (!k.startsWith("dead-letter-") && v != null) {
                r.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        try {
            producer().send(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new DomainException(503, "Service unavailable", "Kafka did not accept the replay; try again later.");
        }
        d.replayedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return d;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return json.readValue(headers, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Integer parseInt(@Nullable String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static @Nullable Long parseLong(@Nullable String s) {
        return s == null ? null : Long.valueOf(s);
    }
}
