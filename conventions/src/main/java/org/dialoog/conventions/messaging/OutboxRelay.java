package org.dialoog.conventions.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dialoog.conventions.config.MessagesConfig;
import org.dialoog.conventions.config.OutboxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents, in commit order, then marks them
 * published, each once: a batch is marked as attempted before it is sent, and a relay that finds
 * attempted rows still unpublished (the one before it crashed after Kafka's acknowledgement, or a
 * send timed out after the broker wrote it) reads back from Kafka which of them are already there
 * and does not send those again ({@link PublishedRecords}). Woken by PostgreSQL NOTIFY, so events leave within milliseconds; with Kafka down it
 * keeps retrying and loses nothing. Several replicas may run a relay: a transaction-scoped
 * advisory lock lets only one publish at a time, which keeps each engagement's events in order.
 * Each event is published in a span of its own that continues the trace it was recorded in.
 * Message requests (the messages topic) may carry a personal link in the clear: their rows are
 * deleted, not marked, in the transaction that records the publication.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay ("dialoog-outbox"); one per database, so one per service. */
    private static final long LOCK_KEY = 0x6469616c6f6f67L;

    static final String CHANNEL = "dialoog_outbox";
    /** How far record timestamps (the sending replica's clock) may lag the database's clock. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String messagesTopic;
    private final EventTracing tracing;
    private final String bootstrapServers;
    private final Timer publishDelay;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile boolean running;
    private volatile boolean paused;
    private @Nullable Thread thread;
    private @Nullable KafkaProducer<String, byte[]> producer;
    /** Runs between Kafka's acknowledgement of a batch and its database commit; tests make a crash there. */
    Runnable afterAcknowledged = () -> {};

    public OutboxRelay(
            AgroalDataSource dataSource,
            OutboxConfig config,
            MessagesConfig messages,
            EventTracing tracing,
            MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.messagesTopic = messages.topic();
        this.tracing = tracing;
        this.bootstrapServers = bootstrapServers;
        this.publishDelay = Timer.builder("dialoog.outbox.publish.delay")
                .description("Time from an event's commit to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("dialoog.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed but not yet published")
                .register(registry);
        Gauge.builder("dialoog.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unpublished event")
                .register(registry);
    }

    public void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Stops publishing without stopping the service: what a crash between commit and publish looks like. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public long backlog() {
        return backlog.get();
    }

    public Duration oldestUnpublishedAge() {
        return Duration.ofMillis(oldestAgeMillis.get());
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement s = listener.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (running) {
                    int published = paused ? 0 : publishBatch();
                    refreshBacklog();
                    backoff = 100;
                    if (published < config.batchSize()) {
                        pg.getNotifications((int) config.idleWait().toMillis());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay cannot publish yet (%s); retrying in %d ms", e.getMessage(), backoff);
                resetProducer();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = publishBatch(c);
                c.commit();
                return n;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Long> unattempted = new ArrayList<>();
        Set<String> uncertainTopics = new HashSet<>();
        OffsetDateTime firstAttempt = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select seq, topic, attempted_at from outbox_event where published_at is null order by seq limit ?""")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    OffsetDateTime attempted = rs.getObject(3, OffsetDateTime.class);
                    if (attempted == null) {
                        unattempted.add(rs.getLong(1));
                    } else {
                        uncertainTopics.add(rs.getString(2));
                        firstAttempt =
                                firstAttempt == null || attempted.isBefore(firstAttempt) ? attempted : firstAttempt;
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        // An earlier attempt at some of these rows did not record its outcome: what it put on Kafka stays there
        Set<String> alreadyOut = firstAttempt == null
                ? Set.of()
                : PublishedRecords.idsSince(
                        bootstrapServers,
                        uncertainTopics,
                        firstAttempt.toInstant().minus(CLOCK_SKEW),
                        Duration.ofSeconds(30));
        markAttempted(unattempted);
        List<OffsetDateTime> committed = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select seq, id, tenant, topic, partition_key, type, subject, occurred_at, payload::text, traceparent, created_at
                from outbox_event where seq = any(?) order by seq""")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (alreadyOut.contains(rs.getString(2))) {
                        continue;
                    }
                    committed.add(rs.getObject(11, OffsetDateTime.class));
                    sends.add(send(rs));
                }
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        afterAcknowledged.run();
        try (PreparedStatement forget =
                        c.prepareStatement("delete from outbox_event where seq = any(?) and topic = ?");
                PreparedStatement mark =
                        c.prepareStatement("update outbox_event set published_at = now() where seq = any(?)")) {
            forget.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            forget.setString(2, messagesTopic);
            forget.executeUpdate();
            mark.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            mark.executeUpdate();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        committed.forEach(t -> publishDelay.record(Duration.between(t, now)));
        return seqs.size();
    }

    /**
     * Sends one row in a publish span of its own, a child of the span that recorded it; the span's context is the
     * record's {@code traceparent}, and it ends when Kafka acknowledges (or refuses) the record.
     */
    private Future<RecordMetadata> send(ResultSet rs) throws SQLException {
        Span span = tracing.publish(
                rs.getString("topic"),
                rs.getString("traceparent"),
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("partition_key"));
        String traceparent = EventTracing.traceparent(span);
        try {
            // without a span (tracing off) the record still carries the trace it was recorded in
            var record = toRecord(rs, traceparent == null ? rs.getString("traceparent") : traceparent);
            return producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    EventTracing.fail(span, failure);
                } else {
                    span.setAttribute("messaging.destination.partition.id", Integer.toString(metadata.partition()));
                    span.setAttribute("messaging.kafka.offset", metadata.offset());
                    span.end();
                }
            });
        } catch (RuntimeException e) {
            EventTracing.fail(span, e);
            throw e;
        }
    }

    private ProducerRecord<String, byte[]> toRecord(ResultSet rs, @Nullable String traceparent) throws SQLException {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(
                rs.getString("topic"),
                rs.getString("partition_key"),
                rs.getString(9).getBytes(StandardCharsets.UTF_8));
        CloudEvents.writeHeaders(
                r.headers(),
                new CloudEvents.Attributes(
                        rs.getString("id"),
                        config.source(),
                        rs.getString("type"),
                        rs.getString("subject"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("tenant"),
                        traceparent));
        return r;
    }

    /**
     * Records, in a transaction of its own that commits before anything is sent, that these rows are being sent:
     * whoever picks them up next without their publication recorded reads back what reached Kafka first.
     */
    private void markAttempted(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update outbox_event set attempted_at = now() where seq = any(?)")) {
            c.setAutoCommit(true);
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    private void refreshBacklog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                     select count(*), coalesce(extract(epoch from now() - min(created_at)) * 1000, 0)
                     from outbox_event where published_at is null""")) {
            rs.next();
            backlog.set(rs.getLong(1));
            oldestAgeMillis.set(rs.getLong(2));
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = KafkaAdmin.clientSettings(bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replaceAll("[^A-Za-z0-9-]", "-") + "-outbox");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
