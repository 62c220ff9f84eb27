package org.dialoog.conventions.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.conventions.config.OutboxConfig;
import org.dialoog.conventions.security.Caller;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if
 * and only if the change it describes was committed. {@link OutboxRelay} publishes them. Each row
 * keeps the W3C {@code traceparent} of the span it was recorded in ({@link EventTracing}).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final EventTracing tracing;
    private final OutboxConfig config;

    Outbox(EntityManager em, ObjectMapper json, Caller caller, EventTracing tracing, OutboxConfig config) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.tracing = tracing;
        this.config = config;
    }

    /**
     * Records an event about an engagement.
     *
     * @param type    the CloudEvents type, one of the service's {@code events.EventTypes}
     * @param key     the engagement id: the partition key that keeps one engagement's events in order
     * @param subject what the event is about (e.g. the party id), or the engagement id
     * @param data    the payload record, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, UUID key, UUID subject, Object data) {
        return record(config.topic(), type, key, subject, data);
    }

    /** Records an event for another topic than the service's own (message requests, {@code mail.Messages}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, UUID key, UUID subject, Object data) {
        UUID id = UUID.randomUUID();
        String tenant = caller.tenant().orElseThrow(() -> new IllegalStateException("An event needs a tenant"));
        em.createNativeQuery("""
                insert into outbox_event (id, tenant, topic, partition_key, type, subject, occurred_at, payload, traceparent)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as json), ?9)""")
                .setParameter(1, id)
                .setParameter(2, tenant)
                .setParameter(3, topic)
                .setParameter(4, key.toString())
                .setParameter(5, type)
                .setParameter(6, subject.toString())
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(8, write(data))
                // typed, so that a row without a trace (tracing switched off) binds a null text
                .setParameter(9, new TypedParameterValue<>(StandardBasicTypes.STRING, tracing.forOutbox(topic, type)))
                .executeUpdate();
        return id;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload not serialisable", e);
        }
    }
}
