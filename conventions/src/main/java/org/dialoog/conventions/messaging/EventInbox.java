package org.dialoog.conventions.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.conventions.security.Caller;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Applies consumed events exactly once: the event id is recorded in {@code processed_event} in
 * the same transaction as its effect, so a redelivered event changes nothing.
 *
 * <p>Records arrive in batches (one poll). Consecutive events of one tenant are applied in one
 * transaction, in order, which is what makes bulk changes (a participant list of a thousand
 * names) cross the system in seconds rather than minutes. When that transaction fails, its events
 * are applied again one by one, each retried a few times; an event that still fails is nacked,
 * and the connector moves it to this service's dead-letter topic; the others go on.
 *
 * <p>While the service is stopping, a failure is not the event's fault (the persistence unit may
 * already be closed): the batch is then left unacknowledged and will be delivered again, to this
 * replica after a restart or to another one, instead of being dead-lettered.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    static final int ATTEMPTS = 3;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final EventTracing tracing;
    private final MeterRegistry metrics;
    private volatile boolean stopping;

    EventInbox(EntityManager em, ObjectMapper json, Caller caller, EventTracing tracing, MeterRegistry metrics) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** One record of a batch, read or not. */
    private record Delivery(
            KafkaRecord<String, String> message,
            ConsumerRecord<String, String> record,
            @Nullable IncomingEvent event,
            @Nullable RuntimeException unreadable) {

        /** The event of a delivery that was read; only asked after {@code unreadable} was checked. */
        IncomingEvent read() {
            return Objects.requireNonNull(event, "an unreadable delivery has no event");
        }
    }

    /**
     * Forgets which events {@code consumer} applied for the caller's tenant, so that replaying its
     * topic (a read-model rebuild) applies them again. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String consumer) {
        em.createNativeQuery("delete from processed_event where consumer = ?1 and tenant = ?2")
                .setParameter(1, consumer)
                .setParameter(2, caller.tenant().orElseThrow())
                .executeUpdate();
    }

    /**
     * Applies a batch and acknowledges it; completes when the offsets may be committed (or, while
     * stopping after a failure, without acknowledging anything).
     */
    @ActivateRequestContext
    public CompletionStage<Void> applyAll(
            String consumer, KafkaRecordBatch<String, String> batch, Consumer<IncomingEvent> handler) {
        List<CompletableFuture<Void>> nacks = new ArrayList<>();
        List<Delivery> deliveries = batch.getRecords().stream().map(this::read).toList();
        List<Delivery> run = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (d.unreadable != null) {
                continue;
            }
            if (!run.isEmpty() && !run.get(0).read().tenant().equals(d.read().tenant())) {
                if (!applyRun(consumer, run, handler, nacks)) {
                    return CompletableFuture.completedFuture(null);
                }
                run.clear();
            }
            run.add(d);
        }
        if (!run.isEmpty() && !applyRun(consumer, run, handler, nacks)) {
            return CompletableFuture.completedFuture(null);
        }
        for (Delivery d : deliveries) {
            if (d.unreadable != null) {
                LOG.warnf(
                        "Unreadable record at %s-%d@%d in %s: %s",
                        d.record.topic(), d.record.partition(), d.record.offset(), consumer, d.unreadable.getMessage());
                metrics.counter("dialoog.events.consumed", "consumer", consumer, "outcome", "dead-lettered")
                        .increment();
                nacks.add(d.message.nack(d.unreadable).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(nacks.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    private Delivery read(KafkaRecord<String, String> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow();
        try {
            return new Delivery(message, record, IncomingEvent.parse(record, json), null);
        } catch (IncomingEvent.Unreadable e) {
            return new Delivery(message, record, null, e);
        }
    }

    /** False when the service is stopping and the run could not be applied: nothing may be acknowledged. */
    private boolean applyRun(
            String consumer, List<Delivery> run, Consumer<IncomingEvent> handler, List<CompletableFuture<Void>> nacks) {
        caller.actForTenant(run.get(0).read().tenant());
        try {
            List<Delivery> applied = QuarkusTransaction.requiringNew().call(() -> {
                Set<String> first = firstDeliveries(consumer, run);
                List<Delivery> done = new ArrayList<>();
                for (Delivery d : run) {
                    if (first.remove(d.read().id())) {
                        applyTraced(consumer, d, handler);
                        done.add(d);
                    }
                }
                return done;
            });
            for (Delivery d : applied) {
                recordPropagation(consumer, d.read(), CloudEvents.header(d.record.headers(), "ce_time"));
            }
            metrics.counter("dialoog.events.consumed", "consumer", consumer, "outcome", "applied")
                    .increment(applied.size());
            metrics.counter("dialoog.events.consumed", "consumer", consumer, "outcome", "duplicate")
                    .increment(run.size() - applied.size());
            return true;
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof(
                        "Stopping: %d event(s) in %s left unacknowledged, to be delivered again (%s)",
                        run.size(), consumer, e.getMessage());
                return false;
            }
            if (run.size() > 1) {
                LOG.infof(
                        "A batch of %d events failed in %s (%s); applying them one by one",
                        run.size(), consumer, e.getMessage());
            }
        }
        for (Delivery d : run) {
            RuntimeException failure = applyOne(consumer, d, handler);
            if (failure != null) {
                if (stopping) {
                    LOG.infof(
                            "Stopping: event %s in %s left unacknowledged, to be delivered again",
                            d.read().id(), consumer);
                    return false;
                }
                metrics.counter("dialoog.events.consumed", "consumer", consumer, "outcome", "dead-lettered")
                        .increment();
                nacks.add(d.message.nack(failure).toCompletableFuture());
            }
        }
        return true;
    }

    /** Applies one event in its own transaction, with retries; the last failure, or null when applied or a duplicate. */
    private @Nullable RuntimeException applyOne(String consumer, Delivery d, Consumer<IncomingEvent> handler) {
        IncomingEvent event = d.read();
        caller.actForTenant(event.tenant());
        @Nullable RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !stopping; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (firstDeliveries(consumer, List.of(d)).isEmpty()) {
                        return false;
                    }
                    applyTraced(consumer, d, handler);
                    return true;
                });
                metrics.counter(
                                "dialoog.events.consumed",
                                "consumer",
                                consumer,
                                "outcome",
                                applied ? "applied" : "duplicate")
                        .increment();
                if (applied) {
                    recordPropagation(consumer, event, CloudEvents.header(d.record.headers(), "ce_time"));
                }
                return null;
            } catch (IncomingEvent.Unreadable e) {
                return e;
            } catch (RuntimeException e) {
                failure = e;
                LOG.warnf(
                        "Event %s (%s) failed in %s, attempt %d of %d: %s [traceparent %s]",
                        event.id(), event.type(), consumer, attempt, ATTEMPTS, e.getMessage(), event.traceparent());
                sleep(50L * attempt);
            }
        }
        return failure;
    }

    /**
     * Runs the handler in a process span, a child of the producer's publish span, made current so that events the
     * handler records in turn continue the same trace.
     */
    @SuppressWarnings("try") // the scope is only held open
    private void applyTraced(String consumer, Delivery d, Consumer<IncomingEvent> handler) {
        Span span = tracing.process(d.record.topic(), consumer, d.read(), d.record.partition(), d.record.offset());
        try (Scope current = span.makeCurrent()) {
            handler.accept(d.read());
        } catch (RuntimeException e) {
            EventTracing.fail(span, e);
            throw e;
        }
        span.end();
    }

    /**
     * From the producer's commit (the event's time, written in the same transaction as the change)
     * to the effect committed here: the time a fact takes to cross the system.
     */
    private void recordPropagation(String consumer, IncomingEvent event, @Nullable String time) {
        if (time == null) {
            return;
        }
        try {
            Duration took = Duration.between(OffsetDateTime.parse(time), OffsetDateTime.now(ZoneOffset.UTC));
            Timer.builder("dialoog.events.propagation")
                    .description("From the producer's commit to the effect applied here")
                    .tag("consumer", consumer)
                    .tag("source", event.source() == null ? "unknown" : event.source())
                    .publishPercentiles(0.5, 0.99, 0.999)
                    .publishPercentileHistogram()
                    .register(metrics)
                    .record(took.isNegative() ? Duration.ZERO : took);
        } catch (DateTimeParseException e) {
            LOG.debugf("Event %s has an unreadable ce_time %s", event.id(), time);
        }
    }

    /** Marks the events as processed by this consumer; the ids of those not processed before, in one statement. */
    @SuppressWarnings("unchecked")
    private Set<String> firstDeliveries(String consumer, List<Delivery> run) {
        String[] ids =
                run.stream().map(d -> consumer + ":" + d.read().id()).distinct().toArray(String[]::new);
        List<String> inserted = em.createNativeQuery("""
                insert into processed_event (event_id, consumer, tenant)
                select id, ?2, ?3 from unnest(cast(?1 as text[])) as t(id)
                on conflict do nothing returning event_id""")
                .setParameter(1, ids)
                .setParameter(2, consumer)
                .setParameter(3, run.get(0).read().tenant())
                .getResultList();
        Set<String> first = new HashSet<>();
        for (String id : inserted) {
            first.add(id.substring(consumer.length() + 1));
        }
        return first;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
