package org.dialoog.conventions.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.logging.SecretPaths;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jspecify.annotations.Nullable;

/** The one place where exceptions become RFC 9457 problems. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.fieldErrors().stream()
                .map(f -> new Problem.InvalidParam(f.name(), f.reason()))
                .toList();
        Response response = new Problem(
                        e.type(),
                        e.title(),
                        e.status(),
                        Objects.requireNonNullElse(e.getMessage(), e.title()),
                        path(uri),
                        params)
                .toResponse();
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.InvalidParam::name))
                .toList();
        return new Problem(
                        "about:blank",
                        "Invalid input",
                        400,
                        "The request has " + params.size() + " invalid field(s).",
                        path(uri),
                        params)
                .toResponse();
    }

    /** Listed one by one: the most specific mapper wins, and Quarkus brings its own for some of these. */
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        ValueInstantiationException.class,
        InvalidTypeIdException.class,
        StreamReadException.class,
        StreamConstraintsException.class
    })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail;
        List<Problem.InvalidParam> params = List.of();
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), "");
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "': this API rejects fields it does not know.";
            params = List.of(new Problem.InvalidParam(jsonPath(u), "unknown field"));
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            detail = "Field '" + jsonPath(m) + "' cannot be read.";
            params = List.of(new Problem.InvalidParam(jsonPath(m), JsonFieldErrors.reason(m)));
        } else if (e instanceof StreamReadException && message.startsWith("Duplicate field '")) {
            String field = message.substring("Duplicate field '".length(), Math.max(message.lastIndexOf('\''), 17));
            detail = "Field '" + field + "' appears more than once; send each field once.";
            params = List.of(new Problem.InvalidParam(field, "appears more than once"));
        } else if (e instanceof StreamConstraintsException) {
            detail = "The request body exceeds a size limit for JSON (a number, a string or the nesting is too long).";
        } else {
            detail = "The request body is not well-formed JSON.";
        }
        return new Problem("about:blank", "Malformed request body", 400, detail, path(uri), params).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadablePatch(MergePatch.PatchUnreadable e, UriInfo uri) {
        return unreadableJson(e.json(), uri);
    }

    /** Two requests changed one row at the same moment and this one lost: the client may fetch and retry. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return Problem.of(
                        409,
                        "Conflict",
                        "The resource was changed by another request at the same moment; fetch it again and retry.",
                        path(uri))
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "A valid bearer token is required.", path(uri))
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "Forbidden", "Your role does not allow this operation.", path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Client error";
        Response.ResponseBuilder answer = Response.fromResponse(
                Problem.of(status, title, detail(status, e), path(uri)).toResponse());
        // Keep the headers the framework chose (Allow on 405), but never its body.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.type(Problem.MEDIA_TYPE).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, SecretPaths.redact(String.valueOf(path(uri))));
        return Problem.of(
                        500,
                        "Internal server error",
                        "Something went wrong on our side; quote error id " + errorId + " when you report it.",
                        path(uri))
                .toResponse();
    }

    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot answer in any of the media types the Accept header asks for.";
            case 415 -> "This resource does not accept that Content-Type; send application/json.";
            default -> e.getMessage() == null ? "The request could not be processed." : e.getMessage();
        };
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Method parameters come as "create.request.title": keep what names the field for the client.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static @Nullable String path(@Nullable UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
