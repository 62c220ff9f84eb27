package org.dialoog.session.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.session.security.Caller;
import org.jboss.logging.Logger;

/**
 * Applies consumed events exactly once: the event id is recorded in {@code processed_event} in
 * the same transaction as its effect, so a redelivered event changes nothing. A failing event is
 * retried a few times; then the exception reaches the connector, which moves the record to this
 * service's dead-letter topic and goes on with the next.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    static final int ATTEMPTS = 3;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final TraceContext trace;
    private final MeterRegistry metrics;

    EventInbox(EntityManager em, ObjectMapper json, Caller caller, TraceContext trace, MeterRegistry metrics) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.trace = trace;
        this.metrics = metrics;
    }

    @ActivateRequestContext
    public void apply(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.parse(record, json);
        caller.actForTenant(event.tenant());
        trace.continueFrom(event.traceparent());
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(event, consumer)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                metrics.counter("dialoog.events.consumed", "consumer", consumer, "outcome", applied ? "applied" : "duplicate").increment();
                if (applied) {
                    recordPropagation(consumer, event, CloudEvents.header(record.headers(), "ce_time"));
                }
                return;
            } catch (IncomingEvent.Unreadable e) {
                throw e;
            } catch (RuntimeException e) {
                failure = e;
                LOG.warnf("Event %s (%s) failed in %s, attempt %d of %d: %s [traceparent %s]",
                        event.id(), event.type(), consumer, attempt, ATTEMPTS, e.getMessage(), trace.current());
                sleep(50L * attempt);
            }
        }
        metrics.counter("dialoog.events.consumed", "consumer", consumer, "outcome", "dead-lettered").increment();
        throw failure;
    }

    /**
     * From the producer's commit (the event's time, written in the same transaction as the change)
     * to the effect committed here: the time a fact takes to cross the system.
     */
    private void recordPropagation(String consumer, IncomingEvent event, String time) {
        if (time == null) {
            return;
        }
        try {
            Duration took = Duration.between(OffsetDateTime.parse(time), OffsetDateTime.now());
            Timer.builder("dialoog.events.propagation").description("From the producer's commit to the effect applied here")
                    .tag("consumer", consumer).tag("source", event.source() == null ? "unknown" : event.source())
                    .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(metrics).record(took.isNegative() ? Duration.ZERO : took);
        } catch (DateTimeParseException e) {
            LOG.debugf("Event %s has an unreadable ce_time %s", event.id(), time);
        }
    }

    private boolean firstDelivery(IncomingEvent event, String consumer) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, consumer, tenant) values (?1, ?2, ?3) on conflict do nothing""")
                .setParameter(1, consumer + ":" + event.id())
                .setParameter(2, consumer)
                .setParameter(3, event.tenant())
                .executeUpdate() == 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
