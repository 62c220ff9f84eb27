package org.dialoog.conventions.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.DomainException.FieldError;

/**
 * Reads JSON bodies as usual and, when Jackson refuses one, answers with every bad field at once
 * (400, {@code invalidParams}) instead of the first one only.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

    private final ObjectMapper json;
    private final JsonFieldErrors fieldErrors;

    StrictJsonReader(ObjectMapper json, JsonFieldErrors fieldErrors) {
        this.json = json;
        this.fieldErrors = fieldErrors;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        List<FieldError> unacceptableText = unacceptableText(body);
        if (!unacceptableText.isEmpty()) {
            throw DomainException.invalid(unacceptableText);
        }
        try {
            return context.proceed();
        } catch (JsonMappingException e) {
            List<FieldError> errors = everyBadField(body, context);
            if (errors.isEmpty()) {
                throw e;
            }
            throw DomainException.invalid(errors);
        } catch (WebApplicationException e) {
            List<FieldError> errors =
                    e.getCause() instanceof JsonMappingException ? everyBadField(body, context) : List.of();
            if (errors.isEmpty()) {
                throw e;
            }
            throw DomainException.invalid(errors);
        }
    }

    /**
     * Every string and field name in the body held to {@link InputText}, whatever it is read into
     * (a record, a map of answers, a merge patch); a body that is not JSON is left to the reader.
     */
    private List<FieldError> unacceptableText(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser p = json.getFactory().createParser(body)) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    String refusal = InputText.refusal(p.getText());
                    if (refusal != null) {
                        errors.add(
                                token == JsonToken.FIELD_NAME
                                        ? new FieldError(
                                                name(p.getParsingContext().getParent()), "a field name " + refusal)
                                        : new FieldError(name(p.getParsingContext()), refusal));
                    }
                }
            }
        } catch (IOException notJson) {
            return errors;
        }
        return errors;
    }

    /** A parser position as this API names fields: {@code answers.remarks}, {@code agenda[2].title}. */
    private static String name(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            b.append(b.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    /** The bad fields, or none when the body cannot be taken apart (then the original failure stands). */
    private List<FieldError> everyBadField(byte[] body, ReaderInterceptorContext context) {
        try {
            JsonNode tree = json.readTree(body);
            return tree == null
                    ? List.of()
                    : fieldErrors.of(tree, json.getTypeFactory().constructType(context.getGenericType()));
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
