package org.dialoog.testkit;

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

    private DocumentedEvents() {}

    /**
     * What is wrong with a real payload of {@code type} against the producer's AsyncAPI document: a
     * required field missing, or a field set that differs from the documented one (in either
     * direction). Empty when the payload is exactly as documented.
     */
    public static java.util.List<String> problems(String producer, String type, String payloadJson) {
        try {
            JsonNode message = message(producer, type);
            JsonNode payload = JSON.readTree(payloadJson);
            java.util.List<String> problems = new java.util.ArrayList<>();
            message.path("payload").path("required").forEach(f -> {
                if (!payload.has(f.asText())) {
                    problems.add(type + " lacks required field " + f.asText());
                }
            });
            java.util.Set<String> documented = new java.util.TreeSet<>();
            message.path("payload").path("properties").fieldNames().forEachRemaining(documented::add);
            java.util.Set<String> actual = new java.util.TreeSet<>();
            payload.fieldNames().forEachRemaining(actual::add);
            if (!actual.equals(documented)) {
                problems.add(type + " has fields " + actual + " but documents " + documented);
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode message(String producer, String type) throws IOException {
        JsonNode messages = JSON.readTree(RepoRoot.find()
                        .resolve("docs/asyncapi/" + producer + ".json")
                        .toFile())
                .path("components")
                .path("messages");
        for (JsonNode message : messages) {
            if (message.path("name").asText().equals(type)) {
                return message;
            }
        }
        throw new IllegalArgumentException(producer + " documents no event " + type);
    }

    /** The first example payload of {@code type} (e.g. nl.dialoog.engagement.party-added.v1), with fields replaced. */
    public static String example(String producer, String type, Map<String, Object> replace) {
        try {
            ObjectNode payload = message(producer, type)
                    .path("examples")
                    .get(0)
                    .path("payload")
                    .deepCopy();
            replace.forEach((k, v) -> payload.set(k, JSON.valueToTree(v)));
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
