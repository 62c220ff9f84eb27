package org.dialoog.conventions.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

/**
 * OpenTelemetry spans for events, and the one trace header they carry: W3C {@code traceparent}.
 * An outbox row keeps the {@code traceparent} of the span that recorded it (the HTTP request's,
 * or the consuming span of the event that caused it); the relay's publish span is its child and
 * travels as the record's {@code traceparent}; the consumer's process span is a child of that.
 * Only {@code traceparent} is written (no {@code tracestate}, no baggage): one trace, one header.
 */
@ApplicationScoped
public class EventTracing {

    static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(TRACEPARENT);
        }

        @Override
        public @Nullable String get(@Nullable String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The {@code traceparent} of a span's context, or null when it has none (tracing off). */
    static @Nullable String traceparent(Span span) {
        if (!span.getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a {@code traceparent} names, as a remote parent; the root context when absent or invalid. */
    static Context parent(@Nullable String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, ONE_HEADER);
    }

    /**
     * The {@code traceparent} an outbox row keeps: the current span's (the request's, or the consumer's
     * process span), or, for work outside any span (a scheduled job), a span of its own that starts the trace.
     */
    @Nullable
    String forOutbox(String topic, String type) {
        Span current = Span.current();
        if (current.getSpanContext().isValid()) {
            return traceparent(current);
        }
        Span created = messaging("create " + topic, SpanKind.PRODUCER, Context.root(), topic)
                .setAttribute("messaging.operation.type", "create")
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
        created.end();
        return traceparent(created);
    }

    /** The relay's span for publishing one event, a child of the span that recorded it. */
    Span publish(String topic, @Nullable String recordedIn, String eventId, String type, String key) {
        return messaging("publish " + topic, SpanKind.PRODUCER, parent(recordedIn), topic)
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
    }

    /** A consumer's span for applying one event, a child of the producer's publish span named in its header. */
    Span process(String topic, String consumer, IncomingEvent event, int partition, long offset) {
        SpanBuilder span = messaging("process " + topic, SpanKind.CONSUMER, parent(event.traceparent()), topic);
        if (event.key() != null) {
            span.setAttribute("messaging.kafka.message.key", event.key());
        }
        return span.setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("messaging.destination.partition.id", Integer.toString(partition))
                .setAttribute("messaging.kafka.offset", offset)
                .setAttribute("cloudevents.event_id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    /**
     * Ends a span as failed, naming the exception's class only: its message may quote the data (traces leave the
     * service like logs do, and carry no personal data either).
     */
    static void fail(Span span, Throwable failure) {
        span.setAttribute("error.type", failure.getClass().getName());
        span.setStatus(StatusCode.ERROR);
        span.end();
    }

    private SpanBuilder messaging(String name, SpanKind kind, Context parent, String topic) {
        return tracer.spanBuilder(name)
                .setSpanKind(kind)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic);
    }
}
