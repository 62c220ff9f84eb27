package org.dialoog.conventions.rest;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.dialoog.conventions.domain.DomainException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Every field of a request body that cannot be read, not only the first: Jackson stops at the
 * first bad value, so a body it refused is read again field by field against the record it was
 * meant for. The reasons say what the field needs and never repeat the value that was sent.
 */
@Singleton
public class JsonFieldErrors {

    private final ObjectMapper json;

    JsonFieldErrors(ObjectMapper json) {
        this.json = json;
    }

    /** The bad fields of {@code body} read as {@code type}; empty when they cannot be told apart. */
    public List<FieldError> of(JsonNode body, JavaType type) {
        List<FieldError> errors = new ArrayList<>();
        collect(body, type, "", errors);
        return errors;
    }

    private void collect(JsonNode node, JavaType type, String prefix, List<FieldError> errors) {
        Class<?> raw = type.getRawClass();
        if (raw.isRecord() && node.isObject()) {
            Map<String, RecordComponent> components = Arrays.stream(raw.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, c -> c));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = prefix + field.getKey();
                RecordComponent component = components.get(field.getKey());
                if (component == null) {
                    errors.add(new FieldError(name, "unknown field"));
                } else {
                    check(
                            field.getValue(),
                            json.getTypeFactory().constructType(component.getGenericType()),
                            name,
                            errors);
                }
            }
        } else if (type.isCollectionLikeType() && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), type.getContentType(), prefix + "[" + i + "]", errors);
            }
        } else {
            check(node, type, prefix.isEmpty() ? "body" : prefix, errors);
        }
    }

    private void check(JsonNode value, JavaType type, String name, List<FieldError> errors) {
        if ((type.getRawClass().isRecord() && value.isObject()) || (type.isCollectionLikeType() && value.isArray())) {
            collect(value, type, type.getRawClass().isRecord() ? name + "." : name, errors);
            return;
        }
        try {
            json.readerFor(type).readValue(json.treeAsTokens(value));
        } catch (JsonMappingException e) {
            errors.add(new FieldError(name + path(e), reason(e)));
        } catch (IOException e) {
            errors.add(new FieldError(name, "cannot be read"));
        }
    }

    /** What a field needs, from the exception Jackson raised for it; never the value itself. */
    public static String reason(JsonMappingException e) {
        if (e instanceof StrictJson.RefusedValue) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof ValueInstantiationException) {
            return "is not valid";
        }
        if (e instanceof MismatchedInputException m) {
            return needs(m.getTargetType());
        }
        return "has the wrong type or format";
    }

    private static String needs(@Nullable Class<?> target) {
        if (target == null) {
            return "has the wrong type or format";
        }
        if (target.isEnum()) {
            return "must be one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (target == int.class
                || target == Integer.class
                || target == long.class
                || target == Long.class
                || target == short.class
                || target == Short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target == LocalDate.class) {
            return "must be a date, like 2026-05-01";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be a date and time with offset, like 2026-05-01T19:30:00+02:00";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isArray() || Iterable.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** The path inside the field, as {@code .title} or {@code [2].title}. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
