package org.dialoog.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Restates the services' OpenAPI 3.1 documents in the 3.0 words the response validator
 * (swagger-request-validator 2.44) checks strictly: it reads 3.1 type arrays such as
 * {@code ["string", "null"]} as "any type" and would let every wrong type through. Only the
 * spelling changes: {@code type: [X, "null"]} becomes {@code type: X, nullable: true}, a
 * {@code const} an one-value {@code enum}; {@code anyOf} with {@code {type: "null"}} stays, as the
 * validator's JSON Schema engine knows the null type.
 */
final class OpenApi30 {

    private OpenApi30() {}

    static JsonNode of(JsonNode document) {
        JsonNode copy = document.deepCopy();
        ((ObjectNode) copy).put("openapi", "3.0.3");
        rewrite(copy);
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            if (type instanceof ArrayNode types) {
                List<String> named = new ArrayList<>();
                types.forEach(t -> named.add(t.asText()));
                boolean nullable = named.remove("null");
                if (named.size() == 1) {
                    object.put("type", named.get(0));
                } else {
                    object.remove("type");
                    ArrayNode anyOf = object.putArray("anyOf");
                    named.forEach(t -> anyOf.addObject().put("type", t));
                }
                if (nullable) {
                    object.put("nullable", true);
                }
            }
            if (object.has("const")) {
                object.putArray("enum").add(object.remove("const"));
            }
            if (object.get("examples") instanceof ArrayNode) {
                object.remove("examples");
            }
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            fields.addAll(object.properties());
            fields.forEach(f -> rewrite(f.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi30::rewrite);
        }
    }
}
