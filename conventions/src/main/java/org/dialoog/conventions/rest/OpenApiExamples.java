package org.dialoog.conventions.rest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An example for a schema that has none, built from its fields' own examples where they have
 * them and otherwise from their type and format, so that every schema of the document shows a
 * frontend team a whole, valid instance.
 */
final class OpenApiExamples {

    private static final int MAX_DEPTH = 6;

    private OpenApiExamples() {}

    static Object of(Schema schema, Map<String, Schema> components) {
        return of(schema, components, 0);
    }

    @SuppressWarnings("java:S3776") // one switch over the JSON types reads better than five methods
    private static Object of(Schema schema, Map<String, Schema> components, int depth) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getRef() != null) {
            Schema target =
                    components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            return target == null || depth > MAX_DEPTH ? Map.of() : of(target, components, depth + 1);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getConstValue() != null) {
            return schema.getConstValue();
        }
        for (List<Schema> alternatives : OpenApiSchemaRules.alternativesOf(schema)) {
            for (Schema alternative : alternatives) {
                if (alternative.getType() == null || !alternative.getType().equals(List.of(Schema.SchemaType.NULL))) {
                    return of(alternative, components, depth + 1);
                }
            }
        }
        Schema.SchemaType type = schema.getType() == null
                ? Schema.SchemaType.OBJECT
                : schema.getType().stream()
                        .filter(t -> t != Schema.SchemaType.NULL)
                        .findFirst()
                        .orElse(Schema.SchemaType.NULL);
        return switch (type) {
            case STRING -> string(schema);
            case INTEGER -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 1L;
            case NUMBER -> schema.getMinimum() != null ? schema.getMinimum() : new BigDecimal("1.5");
            case BOOLEAN -> true;
            case ARRAY ->
                schema.getItems() == null || depth > MAX_DEPTH
                        ? List.of()
                        : List.of(of(schema.getItems(), components, depth + 1));
            case NULL -> "";
            case OBJECT -> object(schema, components, depth);
        };
    }

    private static Object object(Schema schema, Map<String, Schema> components, int depth) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (depth > MAX_DEPTH) {
            return example;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, field) -> example.put(name, of(field, components, depth + 1)));
        } else if (schema.getAdditionalPropertiesSchema() != null) {
            example.put("key", of(schema.getAdditionalPropertiesSchema(), components, depth + 1));
        }
        return example;
    }

    private static String string(Schema schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "uuid" -> "3f6c2a4e-8b1d-4c7a-9e2f-5d8b7a6c1e90";
            case "date-time" -> "2026-03-10T19:30:00+01:00";
            case "date" -> "2026-03-10";
            case "email" -> "fatima@example.nl";
            case "uri", "url" -> "https://example.nl/";
            default ->
                schema.getMinLength() != null && schema.getMinLength() > 4 ? "x".repeat(schema.getMinLength()) : "text";
        };
    }
}
