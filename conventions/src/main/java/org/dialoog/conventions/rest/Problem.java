package org.dialoog.conventions.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An RFC 9457 problem detail, the body of every error this service answers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details.",
        requiredProperties = {"status", "title", "detail"})
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "about:blank")
        String type,

        @Schema(description = "Short summary of the problem type", examples = "Invalid input")
        String title,

        @Schema(description = "HTTP status code", examples = "400")
        int status,

        @Schema(description = "What went wrong in this occurrence", examples = "The request has 1 invalid field(s).")
        String detail,

        @Schema(description = "The request path", examples = "/api/v1/engagements") @Nullable
        String instance,

        @Schema(description = "Every invalid field, for validation errors")
        List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field. */
    @Schema(name = "InvalidParam")
    public record InvalidParam(
            @Schema(examples = "title") String name,
            @Schema(examples = "must not be blank") String reason) {}

    public static Problem of(int status, String title, String detail, @Nullable String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
