package org.dialoog.conventions.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.conventions.messaging.CloudEvents;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.conventions.security.Caller;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Reads message requests from the messages topic for a service that sends (one that holds addresses): one record
 * at a time, in partition order, so while the mail server is away the partition waits. The delivery record, not
 * the inbox, makes it idempotent ({@link MessageDelivery}). Each sending service has a thin {@code @Incoming}
 * consumer that names its recipient type and how it finds an addressee.
 */
@ApplicationScoped
public class MessageRequestHandler {

    private static final Logger LOG = Logger.getLogger(MessageRequestHandler.class);

    /** How a sending service finds the recipient a request names, in the event's tenant. */
    @FunctionalInterface
    public interface Recipients {
        /** The addressee with this id in that engagement, if they (still) exist. */
        Optional<Addressee> find(UUID engagementId, UUID recipientId);
    }

    private final MessageDelivery delivery;
    private final Caller caller;
    private final ObjectMapper json;

    MessageRequestHandler(MessageDelivery delivery, Caller caller, ObjectMapper json) {
        this.delivery = delivery;
        this.caller = caller;
        // a tolerant reader: fields added to the request later are not this version's concern
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Delivers the request in this record when it is addressed to {@code mine}, and acknowledges it; a request for
     * another recipient type, another event type or an unreadable one is acknowledged untouched (never to the dead
     * letters: it may carry a personal link). Runs on the consumer's worker thread, in an active request context.
     */
    public CompletionStage<Void> handle(
            KafkaRecord<String, String> message, MessageRequest.RecipientType mine, Recipients recipients) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow();
        IncomingEvent event;
        MessageRequest request;
        try {
            event = IncomingEvent.parse(record, json);
            if (!Messages.REQUESTED.equals(event.type())) {
                return message.ack();
            }
            request = readable(json.treeToValue(event.data(), MessageRequest.class));
        } catch (IncomingEvent.Unreadable | JsonProcessingException | IllegalArgumentException e) {
            // not to the dead letters: a request may carry a personal link, which must not be kept
            LOG.warnf(
                    "Skipping an unreadable message request at %s-%d@%d: %s",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getClass().getName());
            return message.ack();
        }
        if (request.recipient().type() != mine) {
            return message.ack();
        }
        caller.actForTenant(event.tenant());
        try {
            delivery.deliver(
                    event.tenant(),
                    request,
                    decidedAt(record),
                    () -> recipients.find(
                            request.engagementId(), request.recipient().id()));
        } catch (MessageDelivery.Interrupted e) {
            LOG.infof("Stopping: message %s left unacknowledged, to be delivered again", request.messageId());
            return new CompletableFuture<>();
        }
        return message.ack();
    }

    /** A request with what every request has; values may be left out. */
    @SuppressWarnings("NullAway") // Jackson leaves a missing field null whatever the record declares
    private static MessageRequest readable(MessageRequest r) {
        if (r.messageId() == null
                || r.kind() == null
                || r.recipient() == null
                || r.recipient().type() == null
                || r.recipient().id() == null
                || r.engagementId() == null) {
            throw new IllegalArgumentException("a message request needs messageId, kind, recipient and engagementId");
        }
        if (r.values() != null) {
            return r;
        }
        return new MessageRequest(
                r.messageId(),
                r.kind(),
                r.recipient(),
                r.engagementId(),
                r.sessionId(),
                r.roundId(),
                r.link(),
                java.util.Map.of(),
                r.calendar());
    }

    /** When the message was decided: the event's time, written in the deciding transaction. */
    private static OffsetDateTime decidedAt(ConsumerRecord<String, String> record) {
        @Nullable String time = CloudEvents.header(record.headers(), "ce_time");
        if (time != null) {
            try {
                return OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                // an unreadable time is no reason to drop the message
            }
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
