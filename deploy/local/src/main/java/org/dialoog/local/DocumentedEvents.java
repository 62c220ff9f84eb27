package org.dialoog.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The producers' documented event examples (docs/asyncapi), for consumer contract tests: a
 * consumer is tested against what the producer promises, with only the ids changed.
 */
public final class DocumentedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentedEvents() {
    }

    /** The first example payload of {@code type} (e.g. nl.dialoog.engagement.party-added.v1), with fields replaced. */
    public static String example(String producer, String type, Map<String, Object> replace) {
        try {
            JsonNode messages = JSON.readTree(RepoRoot.find().resolve("docs/asyncapi/" + producer + ".json").toFile())
                    .path("components").path("messages");
            for (JsonNode message : messages) {
                if (message.path("name").asText().equals(type)) {
                    ObjectNode payload = message.path("examples").get(0).path("payload").deepCopy();
                    replace.forEach((k, v) -> payload.set(k, JSON.valueToTree(v)));
                    return JSON.writeValueAsString(payload);
                }
            }
            throw new IllegalArgumentException(producer + " documents no event " + type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
