package org.dialoog.testkit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.dialoog.testkit.HostileValues.Value;
import org.dialoog.testkit.OpenApiSchemas.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies from their schema: a valid one (from the schema's examples, defaults, constants and formats, and
 * the caller's real ids by property name), and the same body with one field at a time made hostile, recursively
 * into nested objects, arrays and maps.
 */
final class FuzzBodies {

    /** One hostile body: where the change is (a JSON pointer), what it is, its JSON text, and the whole body. */
    record Mutation(String pointer, String label, String text, JsonNode body) {}

    private static final int MAX_DEPTH = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Value> KEYS = List.of(
            new Value("empty key", "", false),
            new Value("NUL key", "\u0000", false),
            new Value("script key", "<script>", false),
            new Value("__proto__ key", "__proto__", false),
            new Value("10,000-character key", HostileValues.LONG, false));

    private final OpenApiSchemas schemas;
    private final HostileValues values;
    private final Map<String, String> known;
    private final ObjectMapper json = new ObjectMapper();

    FuzzBodies(OpenApiSchemas schemas, HostileValues values, Map<String, String> known) {
        this.schemas = schemas;
        this.values = values;
        this.known = known;
    }

    /** A valid value for the schema; {@code name} is the property's name, looked up in the caller's real ids. */
    JsonNode valid(JsonNode schema, @Nullable String name) {
        return valid(schema, name, 0);
    }

    /** Every single-field mutation of {@code valid}, a value of the schema. */
    List<Mutation> mutations(JsonNode schema, JsonNode valid) {
        return mutations(schema, valid, "", 0);
    }

    /** A JSON text parsed, or an {@link IllegalArgumentException} naming it. */
    JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }

    private JsonNode valid(JsonNode schema, @Nullable String name, int depth) {
        JsonNode s = schemas.resolve(schema);
        Kind kind = OpenApiSchemas.kind(s);
        String given = name == null ? null : known.get(name);
        if (given != null && kind == Kind.ARRAY && scalar(OpenApiSchemas.kind(schemas.resolve(s.path("items"))))) {
            return NODES.arrayNode().add(given);
        }
        if (given != null && scalar(kind)) {
            return NODES.textNode(given);
        }
        JsonNode example = example(s, kind);
        if (example != null) {
            return example;
        }
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        return switch (kind) {
            case OBJECT -> object(s, depth);
            case MAP -> NODES.objectNode();
            case ARRAY -> NODES.arrayNode().add(valid(s.path("items"), null, depth + 1));
            case CONSTANT -> s.path("enum").path(0).deepCopy();
            case ID -> NODES.textNode(values.randomUuid());
            case DATE_TIME ->
                NODES.textNode(OffsetDateTime.now(ZoneOffset.UTC)
                        .plusDays(30)
                        .withNano(0)
                        .toString());
            case DATE ->
                NODES.textNode(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
            case EMAIL -> NODES.textNode("fuzz@example.nl");
            case URL -> NODES.textNode("https://example.nl/fuzz");
            case INTEGER, NUMBER -> NODES.numberNode(number(s));
            case BOOLEAN -> NODES.booleanNode(false);
            case TEXT, ANY -> NODES.textNode(text(s));
        };
    }

    /** The required properties, and the optional ones that document a value of their own or name a real id. */
    private ObjectNode object(JsonNode s, int depth) {
        Set<String> required = new HashSet<>();
        for (JsonNode r : s.path("required")) {
            required.add(r.asText());
        }
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            String name = p.getKey();
            if (required.contains(name) || known.containsKey(name) || documentsValue(p.getValue())) {
                o.set(name, valid(p.getValue(), name, depth + 1));
            }
        }
        return o;
    }

    /** Whether a property's own schema (not a referenced component's) carries an example or a default. */
    private static boolean documentsValue(JsonNode property) {
        if (property.has("examples") || property.has("example") || property.has("default")) {
            return true;
        }
        for (JsonNode part : property.path("allOf")) {
            if (!part.has("$ref") && documentsValue(part)) {
                return true;
            }
        }
        return false;
    }

    private @Nullable JsonNode example(JsonNode s, Kind kind) {
        for (JsonNode candidate : List.of(s.path("examples").path(0), s.path("example"), s.path("default"))) {
            if (candidate.isMissingNode() || candidate.isNull()) {
                continue;
            }
            JsonNode value = candidate;
            if (candidate.isTextual() && (kind == Kind.OBJECT || kind == Kind.MAP || kind == Kind.ARRAY)) {
                try {
                    value = json.readTree(candidate.asText());
                } catch (JsonProcessingException e) {
                    continue;
                }
            }
            if (fits(value, kind)) {
                return value.deepCopy();
            }
        }
        return null;
    }

    private static boolean fits(JsonNode value, Kind kind) {
        return switch (kind) {
            case OBJECT, MAP -> value.isObject();
            case ARRAY -> value.isArray();
            case INTEGER -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case ANY -> true;
            case TEXT, ID, DATE_TIME, DATE, EMAIL, URL, CONSTANT -> value.isTextual();
        };
    }

    private static boolean scalar(Kind kind) {
        return kind != Kind.OBJECT && kind != Kind.MAP && kind != Kind.ARRAY;
    }

    private static long number(JsonNode s) {
        long value = s.has("minimum") ? s.path("minimum").asLong() : 1;
        return s.has("maximum") ? Math.min(value, s.path("maximum").asLong()) : value;
    }

    private static String text(JsonNode s) {
        int min = s.path("minLength").asInt(0);
        int max = s.path("maxLength").asInt(200);
        if (min > 4) {
            return "f".repeat(min);
        }
        return max < 4 ? "f".repeat(Math.max(1, max)) : "fuzz";
    }

    private List<Mutation> mutations(JsonNode schema, JsonNode valid, String pointer, int depth) {
        JsonNode s = schemas.resolve(schema);
        Kind kind = OpenApiSchemas.kind(s);
        List<Mutation> out = new ArrayList<>();
        for (Value v : values.json(kind, s)) {
            out.add(new Mutation(pointer, v.label(), v.text(), raw(v.text())));
        }
        if (depth < MAX_DEPTH) {
            switch (kind) {
                case OBJECT -> objectMutations(s, valid, pointer, depth, out);
                case ARRAY -> arrayMutations(s, valid, pointer, depth, out);
                case MAP -> mapMutations(s, valid, pointer, depth, out);
                default -> {}
            }
        }
        return out;
    }

    private void objectMutations(JsonNode s, JsonNode valid, String pointer, int depth, List<Mutation> out) {
        ObjectNode base = valid instanceof ObjectNode o ? o : object(s, depth);
        ObjectNode unknown = base.deepCopy();
        unknown.put("fuzzUnknownProperty", 1);
        out.add(new Mutation(pointer, "an unknown property", "\"fuzzUnknownProperty\": 1", unknown));
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            String name = p.getKey();
            String at = pointer + "/" + escape(name);
            if (base.has(name)) {
                ObjectNode without = base.deepCopy();
                without.remove(name);
                out.add(new Mutation(at, "absent", "", without));
            }
            JsonNode child = base.has(name) ? base.get(name) : valid(p.getValue(), name, depth + 1);
            for (Mutation m : mutations(p.getValue(), child, at, depth + 1)) {
                ObjectNode copy = base.deepCopy();
                copy.set(name, m.body());
                out.add(new Mutation(m.pointer(), m.label(), m.text(), copy));
            }
        }
    }

    private void arrayMutations(JsonNode s, JsonNode valid, String pointer, int depth, List<Mutation> out) {
        ArrayNode base = valid instanceof ArrayNode a && !a.isEmpty()
                ? a
                : NODES.arrayNode().add(valid(s.path("items"), null, depth + 1));
        for (Mutation m : mutations(s.path("items"), base.get(0), pointer + "/0", depth + 1)) {
            ArrayNode copy = base.deepCopy();
            copy.set(0, m.body());
            out.add(new Mutation(m.pointer(), m.label(), m.text(), copy));
        }
    }

    private void mapMutations(JsonNode s, JsonNode valid, String pointer, int depth, List<Mutation> out) {
        ObjectNode base = valid instanceof ObjectNode o ? o : NODES.objectNode();
        JsonNode valueSchema =
                s.path("additionalProperties").isObject() ? s.path("additionalProperties") : NODES.objectNode();
        JsonNode sample = base.isEmpty()
                ? valid(valueSchema, null, depth + 1)
                : base.elements().next();
        for (Value key : KEYS) {
            ObjectNode copy = base.deepCopy();
            copy.set(key.text(), sample);
            out.add(new Mutation(pointer, key.label(), HostileValues.quote(key.text()), copy));
        }
        for (Map.Entry<String, JsonNode> entry : base.properties()) {
            for (Mutation m :
                    mutations(valueSchema, entry.getValue(), pointer + "/" + escape(entry.getKey()), depth + 1)) {
                ObjectNode copy = base.deepCopy();
                copy.set(entry.getKey(), m.body());
                out.add(new Mutation(m.pointer(), m.label(), m.text(), copy));
            }
        }
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
