package org.dialoog.conventions.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

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
