package org.dialoog.conventions.rest;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dialoog.conventions.domain.DomainException;

/** RFC 7396 JSON merge patch of a request record, validated like a create. */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Validator validator;
    private final JsonFieldErrors fieldErrors;

    MergePatch(ObjectMapper json, Validator validator, JsonFieldErrors fieldErrors) {
        this.json = json;
        this.validator = validator;
        this.fieldErrors = fieldErrors;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw DomainException.invalid(
                    List.of(new DomainException.FieldError("body", "a merge patch must be a JSON object")));
        }
        ObjectNode target = json.valueToTree(current);
        merge(target, (ObjectNode) patch);
        T patched;
        try {
            patched = json.treeToValue(target, type);
        } catch (JsonProcessingException e) {
            List<DomainException.FieldError> errors = fieldErrors.of(target, json.constructType(type));
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
            throw new PatchUnreadable(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject() && target.get(entry.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(entry.getKey(), value);
            }
        });
    }

    /** A patch whose result cannot be read (unknown field, wrong type): answered like malformed JSON. */
    static final class PatchUnreadable extends RuntimeException {
        PatchUnreadable(JsonProcessingException cause) {
            super(cause);
        }

        JsonProcessingException json() {
            return (JsonProcessingException) Objects.requireNonNull(getCause());
        }
    }
}
