package org.dialoog.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** The schemas of an OpenAPI 3.1 document with $ref, allOf and nullable unions resolved, and the kind of value each describes. */
final class OpenApiSchemas {

    /** What kind of value a schema describes, as far as hostile values differ between kinds. */
    enum Kind {
        OBJECT,
        MAP,
        ARRAY,
        TEXT,
        ID,
        DATE_TIME,
        DATE,
        EMAIL,
        URL,
        CONSTANT,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ANY
    }

    private static final String COMPONENTS = "#/components/schemas/";
    /** Jackson trees in a resource's signature (a merge patch) accept any JSON at all. */
    private static final Set<String> ANY_JSON = Set.of("JsonNode", "ObjectNode", "ArrayNode");

    private static final Set<String> COMPOSITION = Set.of("$ref", "allOf", "anyOf", "oneOf");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode components;

    OpenApiSchemas(JsonNode document) {
        this.components = document.path("components").path("schemas");
    }

    /** The schema with references followed and compositions merged; an empty schema stands for "any JSON". */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (!(schema instanceof ObjectNode s) || depth > 20) {
            return NODES.objectNode();
        }
        JsonNode ref = s.get("$ref");
        if (ref != null) {
            String name = ref.asText().replace(COMPONENTS, "");
            return ANY_JSON.contains(name) ? NODES.objectNode() : overlay(resolve(components.path(name), depth + 1), s);
        }
        if (s.get("allOf") instanceof ArrayNode parts) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : parts) {
                merge(merged, resolve(part, depth + 1));
            }
            return overlay(merged, s);
        }
        for (String union : List.of("anyOf", "oneOf")) {
            if (s.get(union) instanceof ArrayNode options) {
                for (JsonNode option : options) {
                    JsonNode resolved = resolve(option, depth + 1);
                    if (!"null".equals(type(resolved))) {
                        return overlay(resolved, s);
                    }
                }
            }
        }
        return s;
    }

    /** The first type other than {@code null} ({@code type} may be a list in OpenAPI 3.1). */
    static @Nullable String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    /** The kind of a resolved schema. */
    static Kind kind(JsonNode schema) {
        String type = type(schema);
        if (!schema.path("enum").isEmpty() && (type == null || type.equals("string"))) {
            return Kind.CONSTANT;
        }
        if (type == null) {
            if (schema.has("properties")) {
                return Kind.OBJECT;
            }
            return schema.has("items") ? Kind.ARRAY : Kind.ANY;
        }
        return switch (type) {
            case "object" -> schema.has("properties") ? Kind.OBJECT : Kind.MAP;
            case "array" -> Kind.ARRAY;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "string" -> textKind(schema.path("format").asText());
            default -> Kind.ANY;
        };
    }

    private static Kind textKind(String format) {
        return switch (format) {
            case "uuid" -> Kind.ID;
            case "date-time" -> Kind.DATE_TIME;
            case "date" -> Kind.DATE;
            case "email" -> Kind.EMAIL;
            case "uri", "url" -> Kind.URL;
            default -> Kind.TEXT;
        };
    }

    /** The referenced schema with the referencing node's own keywords (examples, defaults) on top. */
    private static JsonNode overlay(JsonNode base, ObjectNode referencing) {
        ObjectNode out = base instanceof ObjectNode o ? o.deepCopy() : NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : referencing.properties()) {
            if (!COMPOSITION.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static void merge(ObjectNode target, JsonNode part) {
        for (Map.Entry<String, JsonNode> e : part.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = target.get(key);
            if (key.equals("properties") && existing instanceof ObjectNode known && value instanceof ObjectNode more) {
                known.setAll(more);
            } else if (key.equals("required")
                    && existing instanceof ArrayNode names
                    && value instanceof ArrayNode others) {
                names.addAll(others);
            } else if (existing == null) {
                target.set(key, value.deepCopy());
            }
        }
    }
}
