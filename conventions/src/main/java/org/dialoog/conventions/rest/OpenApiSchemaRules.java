package org.dialoog.conventions.rest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the schemas of the OpenAPI document say what the services really send and accept:
 * every field a response carries is {@code required} (Jackson writes every record component,
 * nullable ones as {@code null}, which the schema then states with a type array), no object
 * takes fields it does not document (requests with unknown fields are refused, responses have
 * none), typed pages and merge-patch bodies, one example per schema, and no schema nobody uses.
 */
final class OpenApiSchemaRules {

    private static final String REF_PREFIX = "#/components/schemas/";

    private OpenApiSchemaRules() {}

    /** {@code {items: [item], page, pageSize, total}} for one item schema, as the component {@code <item>Page}. */
    static String page(OpenAPI openAPI, String item) {
        String name = item + "Page";
        Map<String, Schema> schemas = schemas(openAPI);
        if (!schemas.containsKey(item)) {
            throw new IllegalStateException("x-page-of names " + item + ", which is not a schema of this document");
        }
        if (!schemas.containsKey(name)) {
            openAPI.getComponents()
                    .addSchema(
                            name,
                            object().description(
                                            "One page of " + item + " items; the Link header names the other pages")
                                    .addProperty("items", array(ref(item)))
                                    .addProperty("page", integer(1, "The page number, from 1"))
                                    .addProperty("pageSize", integer(20, "Items per page (1–100, default 20)"))
                                    .addProperty(
                                            "total",
                                            integer(57, "All items on all pages")
                                                    .format("int64"))
                                    .required(List.of("items", "page", "pageSize", "total")));
        }
        return name;
    }

    /**
     * The body of a JSON merge patch (RFC 7396) of a request schema, as the component
     * {@code <name>Patch}: every field optional; {@code null} removes an optional field.
     */
    static String mergePatch(OpenAPI openAPI, String requestSchema) {
        String name = requestSchema.replaceFirst("Request$", "") + "Patch";
        Map<String, Schema> schemas = schemas(openAPI);
        Schema request = schemas.get(requestSchema);
        if (request == null || request.getProperties() == null) {
            throw new IllegalStateException(
                    "x-merge-patch-of names " + requestSchema + ", which is not an object schema");
        }
        if (!schemas.containsKey(name)) {
            List<String> required = request.getRequired() == null ? List.of() : request.getRequired();
            Schema patch = object().description(
                            "A JSON merge patch (RFC 7396) of " + requestSchema
                                    + ": send only the fields to change; null removes an optional field (a required one cannot be removed)");
            request.getProperties()
                    .forEach((field, schema) -> patch.addProperty(
                            field, required.contains(field) || isNullable(schema) ? schema : nullable(schema)));
            openAPI.getComponents().addSchema(name, patch);
        }
        return name;
    }

    /** Required fields, closed objects, examples, and no unused schemas. */
    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = schemas(openAPI);
        Set<String> requests = new HashSet<>();
        Set<String> responses = new HashSet<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (op.getRequestBody() != null) {
                    requests.addAll(reachable(schemas, op.getRequestBody().getContent()));
                }
                for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                    responses.addAll(reachable(schemas, r.getContent()));
                }
            }
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!requests.contains(name) && !responses.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
        Map<String, Schema> used = schemas(openAPI);
        used.forEach((name, schema) -> {
            if (schema.getProperties() == null) {
                // a documentation type with alternatives (an interface) is not also an object
                if ((schema.getAnyOf() != null || schema.getOneOf() != null)
                        && List.of(Schema.SchemaType.OBJECT).equals(schema.getType())) {
                    schema.setType(null);
                }
                return;
            }
            schema.getProperties().values().forEach(field -> inlineNullableScalar(field, used));
            schema.additionalPropertiesSchema(OASFactory.createSchema().booleanSchema(Boolean.FALSE));
            if (responses.contains(name) && !requests.contains(name) && schema.getRequired() == null) {
                schema.required(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
        used.forEach((name, schema) -> {
            if (schema.getExamples() == null || schema.getExamples().isEmpty()) {
                schema.examples(List.of(OpenApiExamples.of(schema, used)));
            }
        });
    }

    /** The component schemas reachable from a content, by name. */
    private static Set<String> reachable(Map<String, Schema> schemas, Content content) {
        Set<String> names = new LinkedHashSet<>();
        if (content == null || content.getMediaTypes() == null) {
            return names;
        }
        Deque<Schema> todo = new ArrayDeque<>();
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getSchema() != null) {
                todo.add(media.getSchema());
            }
        }
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null) {
                String name = s.getRef().substring(REF_PREFIX.length());
                Schema target = schemas.get(name);
                if (target != null && names.add(name)) {
                    todo.add(target);
                }
            }
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            if (s.getItems() != null) {
                todo.add(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.add(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> alternatives : alternativesOf(s)) {
                todo.addAll(alternatives);
            }
        }
        return names;
    }

    /**
     * SmallRye writes a nullable date, time or id as {@code anyOf: [{$ref: LocalDate}, {type: null}]};
     * stated as {@code type: [string, null], format: date} it says the same, and linters and
     * generators see the format.
     */
    private static void inlineNullableScalar(Schema field, Map<String, Schema> schemas) {
        if (field.getAnyOf() == null || field.getAnyOf().size() != 2 || !isNullable(field)) {
            return;
        }
        Schema ref = field.getAnyOf().stream()
                .filter(a -> a.getRef() != null)
                .findFirst()
                .orElse(null);
        Schema target = ref == null ? null : schemas.get(ref.getRef().substring(REF_PREFIX.length()));
        if (target == null
                || !List.of(Schema.SchemaType.STRING).equals(target.getType())
                || target.getEnumeration() != null
                || target.getFormat() == null) {
            return;
        }
        field.setAnyOf(null);
        field.type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                .format(target.getFormat())
                .pattern(target.getPattern());
        if (field.getExamples() == null && target.getExamples() != null) {
            field.examples(target.getExamples());
        }
    }

    static List<List<Schema>> alternativesOf(Schema s) {
        List<List<Schema>> all = new ArrayList<>();
        if (s.getAnyOf() != null) {
            all.add(s.getAnyOf());
        }
        if (s.getOneOf() != null) {
            all.add(s.getOneOf());
        }
        if (s.getAllOf() != null) {
            all.add(s.getAllOf());
        }
        return all;
    }

    static boolean isNullable(Schema s) {
        if (s.getType() != null && s.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        return s.getAnyOf() != null
                && s.getAnyOf().stream()
                        .anyMatch(a -> a.getType() != null && a.getType().contains(Schema.SchemaType.NULL));
    }

    private static Schema nullable(Schema schema) {
        return OASFactory.createSchema()
                .anyOf(List.of(schema, OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
    }

    private static Map<String, Schema> schemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        return schemas == null ? Map.of() : schemas;
    }

    private static Schema object() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT));
    }

    private static Schema array(Schema items) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(items);
    }

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(REF_PREFIX + name);
    }

    private static Schema integer(long example, String description) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER))
                .format("int32")
                .description(description)
                .examples(List.of(example));
    }
}
