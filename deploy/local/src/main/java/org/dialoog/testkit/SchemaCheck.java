package org.dialoog.testkit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * JSON Schema (2020-12) validation for the keywords the AsyncAPI documents use, and no others: a
 * schema with a keyword this check does not know is a problem itself, so a document cannot rely on
 * a rule that nobody checks. {@code closed}: a field (or header) the schema does not document is a
 * problem too, whatever {@code additionalProperties} says: consumers may read tolerantly, but the
 * producer sends exactly what it documents.
 */
final class SchemaCheck {

    /** Keywords that only describe. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "examples", "title", "$comment", "default");

    private static final Set<String> ASSERTIONS = Set.of(
            "$ref",
            "type",
            "enum",
            "const",
            "format",
            "pattern",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "minimum",
            "maximum");

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** RFC 3339 date-time: seconds and an offset are not optional. */
    private static final Pattern DATE_TIME =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");

    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final JsonNode document;
    private final boolean closed;

    /**
     * A check against the schemas of one document.
     *
     * @param document the document that {@code $ref}s point into
     * @param closed   whether undocumented object fields are problems
     */
    SchemaCheck(JsonNode document, boolean closed) {
        this.document = document;
        this.closed = closed;
    }

    /** Everything wrong with {@code value} against {@code schema}; {@code at} names the value in the messages. */
    List<String> problems(JsonNode schema, JsonNode value, String at) {
        List<String> problems = new ArrayList<>();
        check(schema, value, at, problems, 0);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems, int depth) {
        if (!schema.isObject() || depth > 32) {
            problems.add(at + ": the schema is not a JSON Schema object (or nests too deep)");
            return;
        }
        Iterator<String> keywords = schema.fieldNames();
        while (keywords.hasNext()) {
            String keyword = keywords.next();
            if (!ASSERTIONS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                problems.add(at + ": the schema uses '" + keyword + "', which this check does not know");
            }
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            JsonNode target = resolve(ref.asText());
            if (target == null) {
                problems.add(at + ": $ref " + ref.asText() + " points at nothing in the document");
            } else {
                check(target, value, at, problems, depth + 1);
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && !hasType(type, value)) {
            problems.add(at + " is " + describe(value) + ", documented type " + type);
            return;
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !constant.equals(value)) {
            problems.add(at + " is " + value + ", documented as the constant " + constant);
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && !contains(allowed, value)) {
            problems.add(at + " is " + value + ", not one of the documented " + allowed);
        }
        if (value.isTextual()) {
            text(schema, value.asText(), at, problems);
        }
        if (value.isNumber()) {
            number(schema, value, at, problems);
        }
        if (value.isObject()) {
            object(schema, value, at, problems, depth);
        }
        JsonNode items = schema.get("items");
        if (value.isArray() && items != null) {
            for (int i = 0; i < value.size(); i++) {
                check(items, value.get(i), at + "[" + i + "]", problems, depth + 1);
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems, int depth) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + " lacks the required field '" + required.asText() + "'");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (properties.isMissingNode() && additional == null) {
            return; // this schema says nothing about fields (a $ref, say, whose target does)
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            String where = at + "." + name;
            JsonNode documented = properties.get(name);
            if (documented != null) {
                check(documented, field.getValue(), where, problems, depth + 1);
            } else if (closed || (additional != null && additional.isBoolean() && !additional.asBoolean())) {
                problems.add(where + " is sent but not documented");
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), where, problems, depth + 1);
            }
        }
    }

    private static void text(JsonNode schema, String text, String at, List<String> problems) {
        JsonNode pattern = schema.get("pattern");
        if (pattern != null && !Pattern.compile(pattern.asText()).matcher(text).find()) {
            problems.add(at + " is \"" + text + "\", which does not match " + pattern.asText());
        }
        JsonNode format = schema.get("format");
        if (format != null && !hasFormat(format.asText(), text)) {
            problems.add(at + " is \"" + text + "\", not a " + format.asText());
        }
    }

    private static void number(JsonNode schema, JsonNode value, String at, List<String> problems) {
        JsonNode minimum = schema.get("minimum");
        if (minimum != null && value.decimalValue().compareTo(minimum.decimalValue()) < 0) {
            problems.add(at + " is " + value + ", below the documented minimum " + minimum);
        }
        JsonNode maximum = schema.get("maximum");
        if (maximum != null && value.decimalValue().compareTo(maximum.decimalValue()) > 0) {
            problems.add(at + " is " + value + ", above the documented maximum " + maximum);
        }
    }

    private static boolean hasFormat(String format, String text) {
        return switch (format) {
            case "uuid" -> UUID_TEXT.matcher(text).matches();
            case "date-time" -> DATE_TIME.matcher(text).matches() && isDateTime(text);
            case "date" -> DATE.matcher(text).matches() && isDate(text);
            default -> false;
        };
    }

    private static boolean isDateTime(String text) {
        try {
            var unused = OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            var unused = LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (is(t.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return is(type.asText(), value);
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            case "string" -> value.isTextual();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "number" -> value.isNumber();
            case "integer" ->
                value.isIntegralNumber()
                        || (value.isNumber()
                                && value.decimalValue().stripTrailingZeros().scale() <= 0);
            default -> false;
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + value;
    }

    private @Nullable JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode target = document.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }
}
