package org.dialoog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The producers' AsyncAPI documents (docs/asyncapi/&lt;producer&gt;.json). For producer tests: every
 * published record, headers and payload, validated against its message ({@link #assertContract});
 * for consumer contract tests: the documented examples ({@link #example}), so that a consumer is
 * tested against what the producer promises, with only the ids changed.
 *
 * <p>Each document gives every event type one message whose payload is
 * {@code {"$ref": "#/components/schemas/<type>"}}, and every event names that schema in its
 * {@code ce_dataschema} header: {@code urn:dialoog:<producer>:asyncapi#/components/schemas/<type>}.
 */
public final class DocumentedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A CloudEvents type as the services name them, e.g. nl.dialoog.session.session-scheduled.v1 (not a topic). */
    private static final Pattern TYPE =
            Pattern.compile("^nl\\.dialoog\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[0-9]+$");

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private DocumentedEvents() {}

    /**
     * Fails, listing every problem at once, unless the producer keeps its documented contract:
     * every type its {@code EventTypes} class declares is documented and every documented type is
     * declared; the document is consistent (each message's payload is the schema its
     * {@code ce_dataschema} names, and its example is valid); every type was {@code published} at
     * least once in the test; and every published record, each header and the payload, is valid
     * against its message, sends nothing undocumented and carries each header once.
     *
     * @param producer   e.g. {@code session-service}: the document is docs/asyncapi/&lt;producer&gt;.json
     * @param eventTypes the service's {@code events.EventTypes}; its public String constants that are
     *                   CloudEvents types are the types it publishes (constants of nested classes, the
     *                   types it reads, are not)
     * @param published  records the test made the service publish, read back from Kafka
     */
    public static void assertContract(
            String producer, Class<?> eventTypes, Collection<ConsumerRecord<String, String>> published) {
        SortedSet<String> declared = declaredTypes(eventTypes);
        List<String> wrong = new ArrayList<>(documentProblems(producer, declared));
        SortedSet<String> seen = new TreeSet<>();
        for (ConsumerRecord<String, String> r : published) {
            wrong.addAll(problems(producer, r));
            String type = TopicReader.header(r, "ce_type");
            if (type != null) {
                seen.add(type);
            }
        }
        SortedSet<String> never = new TreeSet<>(declared);
        never.removeAll(seen);
        if (!never.isEmpty()) {
            wrong.add("never published in this test, so not checked: " + never);
        }
        SortedSet<String> undeclared = new TreeSet<>(seen);
        undeclared.removeAll(declared);
        if (!undeclared.isEmpty()) {
            wrong.add("published, but not declared in " + eventTypes.getSimpleName() + ": " + undeclared);
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(producer + " does not keep its documented event contract (" + published.size()
                    + " records):\n- " + String.join("\n- ", wrong));
        }
    }

    /** The CloudEvents types a service's {@code EventTypes} class declares as its own (its top-level constants). */
    public static SortedSet<String> declaredTypes(Class<?> eventTypes) {
        SortedSet<String> types = new TreeSet<>();
        for (Field f : eventTypes.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    Object value = f.get(null);
                    if (value instanceof String type && TYPE.matcher(type).matches()) {
                        types.add(type);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + f, e);
                }
            }
        }
        return types;
    }

    /**
     * What is wrong with the document itself: a declared type without a message or a message whose
     * type is not declared, a message whose payload is not {@code #/components/schemas/<type>} or
     * whose {@code ce_type}, {@code ce_source} or {@code ce_dataschema} constant is not that of its
     * type, and a first example whose headers or payload do not validate.
     */
    public static List<String> documentProblems(String producer, Set<String> declared) {
        JsonNode document = document(producer);
        Map<String, JsonNode> messages = messages(producer);
        List<String> problems = new ArrayList<>();
        for (String type : declared) {
            if (!messages.containsKey(type)) {
                problems.add("EventTypes declares " + type + ", but the document has no message for it");
            }
        }
        String source = "urn:dialoog:" + producer;
        SchemaCheck check = new SchemaCheck(document, true);
        messages.forEach((type, message) -> {
            if (!declared.contains(type)) {
                problems.add("the document has a message " + type + ", which EventTypes does not declare");
            }
            String schema = SCHEMAS + type;
            if (!schema.equals(message.path("payload").path("$ref").asText())) {
                problems.add(
                        type + ": its payload must be {\"$ref\": \"" + schema + "\"}, the schema ce_dataschema names");
            }
            if (document.at(schema.substring(1)).isMissingNode()) {
                problems.add(type + ": the document has no " + schema);
            }
            JsonNode headers = message.path("headers").path("properties");
            expectConstant(problems, type, headers, "ce_type", type);
            expectConstant(problems, type, headers, "ce_source", source);
            expectConstant(problems, type, headers, "ce_dataschema", source + ":asyncapi" + schema);
            JsonNode example = message.path("examples").path(0);
            if (example.isMissingNode()) {
                problems.add(type + ": no example");
            } else {
                problems.addAll(
                        check.problems(message.path("headers"), example.path("headers"), type + " example headers"));
                problems.addAll(
                        check.problems(message.path("payload"), example.path("payload"), type + " example payload"));
            }
        });
        return problems;
    }

    /**
     * What is wrong with one published record against its message in the producer's document: a
     * header given more than once, a header or payload field that is missing, undocumented or not
     * as its schema says. Empty when the record is exactly as documented.
     */
    public static List<String> problems(String producer, ConsumerRecord<String, String> record) {
        String type = TopicReader.header(record, "ce_type");
        String at = type + " " + TopicReader.header(record, "ce_id");
        List<String> problems = new ArrayList<>();
        ObjectNode headers = JSON.createObjectNode();
        for (Header h : record.headers()) {
            if (headers.has(h.key())) {
                problems.add(at + ": header " + h.key() + " appears more than once");
            }
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        JsonNode message = type == null ? null : messages(producer).get(type);
        if (message == null) {
            problems.add(at + ": no message of that ce_type in the " + producer + " document");
            return problems;
        }
        SchemaCheck check = new SchemaCheck(document(producer), true);
        problems.addAll(check.problems(message.path("headers"), headers, at + " headers"));
        if (record.value() == null) {
            problems.add(at + ": no value");
            return problems;
        }
        try {
            problems.addAll(check.problems(message.path("payload"), JSON.readTree(record.value()), at + " payload"));
        } catch (JsonProcessingException e) {
            problems.add(at + ": the value is not JSON (" + e.getOriginalMessage() + ")");
        }
        return problems;
    }

    /**
     * What is wrong with a payload of {@code type} against the producer's document: a field missing,
     * undocumented or not as its schema says. Empty when the payload is exactly as documented.
     */
    public static List<String> problems(String producer, String type, String payloadJson) {
        JsonNode message = message(producer, type);
        try {
            return new SchemaCheck(document(producer), true)
                    .problems(message.path("payload"), JSON.readTree(payloadJson), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The first example payload of {@code type} (e.g. nl.dialoog.engagement.party-added.v1), with fields replaced. */
    public static String example(String producer, String type, Map<String, Object> replace) {
        ObjectNode payload =
                message(producer, type).path("examples").get(0).path("payload").deepCopy();
        replace.forEach((k, v) -> payload.set(k, JSON.valueToTree(v)));
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expectConstant(
            List<String> problems, String type, JsonNode headers, String name, String value) {
        JsonNode constant = headers.path(name).path("const");
        if (!value.equals(constant.asText(null))) {
            problems.add(type + ": header " + name + " must be documented as the constant \"" + value + "\"");
        }
    }

    private static JsonNode message(String producer, String type) {
        JsonNode message = messages(producer).get(type);
        if (message == null) {
            throw new IllegalArgumentException(producer + " documents no event " + type);
        }
        return message;
    }

    /** The document's messages by their name, the CloudEvents type. */
    private static Map<String, JsonNode> messages(String producer) {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (JsonNode message : document(producer).path("components").path("messages")) {
            byType.put(message.path("name").asText(), message);
        }
        return byType;
    }

    private static JsonNode document(String producer) {
        return DOCUMENTS.computeIfAbsent(producer, p -> {
            try {
                return JSON.readTree(
                        RepoRoot.find().resolve("docs/asyncapi/" + p + ".json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
