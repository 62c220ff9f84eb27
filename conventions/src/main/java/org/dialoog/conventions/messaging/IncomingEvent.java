package org.dialoog.conventions.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvent read from Kafka (binary binding), as a tolerant reader: only the attributes
 * Dialoog relies on are required, the data stays a JSON tree for the handler to pick from.
 */
public record IncomingEvent(
        String id,
        String type,
        @Nullable String source,
        @Nullable String subject,
        String tenant,
        @Nullable String traceparent,
        @Nullable String key,
        JsonNode data) {

    /** The event cannot be read at all; retrying will not help, so it goes to the dead-letter topic. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    public static IncomingEvent parse(ConsumerRecord<String, String> record, ObjectMapper json) {
        var h = record.headers();
        String id = CloudEvents.header(h, "ce_id");
        String type = CloudEvents.header(h, "ce_type");
        String tenant = CloudEvents.header(h, "ce_tenant");
        if (id == null || type == null || tenant == null) {
            throw new Unreadable("Not a Dialoog CloudEvent: ce_id, ce_type and ce_tenant are required", null);
        }
        JsonNode data;
        try {
            data = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new Unreadable("Event " + id + " has a body that is not JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new Unreadable("Event " + id + " has no JSON object as data", null);
        }
        return new IncomingEvent(
                id,
                type,
                CloudEvents.header(h, "ce_source"),
                CloudEvents.header(h, "ce_subject"),
                tenant,
                CloudEvents.header(h, "traceparent"),
                record.key(),
                data);
    }

    /** A list of texts in the data (empty when the field is absent). */
    public String[] texts(String field) {
        JsonNode node = data.path(field);
        String[] out = new String[node.size()];
        for (int i = 0; i < node.size(); i++) {
            out[i] = node.get(i).asText();
        }
        return out;
    }

    /** A required text field of the data. */
    public String text(String field) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            throw new Unreadable("Event " + id + " (" + type + ") lacks '" + field + "'", null);
        }
        return v.asText();
    }

    public java.util.UUID uuid(String field) {
        try {
            return java.util.UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("Event " + id + " has no UUID in '" + field + "'", e);
        }
    }
}
