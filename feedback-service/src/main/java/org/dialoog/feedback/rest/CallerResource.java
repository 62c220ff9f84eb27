package org.dialoog.feedback.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dialoog.conventions.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Who the token says the caller is: for frontends, and the benchmark's framework ceiling (no database). */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller", description = "The caller as this service sees it")
public class CallerResource {

    private final Caller caller;

    CallerResource(Caller caller) {
        this.caller = caller;
    }

    /** The caller's user id, roles and tenant. */
    @Schema(name = "Me")
    public record Me(
            @Schema(examples = "fac-anna") String userId,
            @Schema(examples = "[\"facilitator\"]") List<String> roles,

            @Schema(examples = "demo", nullable = true) @Nullable
            String tenant) {}

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getCaller",
            summary = "Who am I",
            description = "The user id, roles and tenant this service reads from the bearer token.")
    public Me me() {
        return new Me(
                caller.userId(),
                caller.roles().stream().sorted().toList(),
                caller.tenant().orElse(null));
    }
}
