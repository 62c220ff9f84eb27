package org.dialoog.session.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.session.Session;
import org.dialoog.session.security.Caller;
import org.dialoog.session.service.DomainException;
import org.dialoog.session.service.SessionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sessions: the meetings of an engagement. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Scheduled meetings of engagements")
public class SessionResource {

    private final SessionService service;
    private final IdempotentCreate idempotent;

    SessionResource(SessionService service, IdempotentCreate idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(summary = "Schedule a session", description = "The engagement must be known here and ACTIVE: 400 for an unknown engagement, 409 for one that is not active.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Response schedule(@NotNull @Valid SessionRequest request,
                             @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                             @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Session s = service.schedule(request);
            return new IdempotentCreate.Created(uri.getBaseUriBuilder().path("api/v1/sessions/{id}").build(s.id),
                    SessionView.of(s), Long.toString(s.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(summary = "List sessions", description = "Earliest first.")
    public Response list(@QueryParam("engagementId") UUID engagementId,
                         @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                         @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
                         @Context UriInfo uri) {
        return Pages.ok(service.list(engagementId, page, pageSize).map(SessionView::of), uri);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(summary = "Cancel a session", description = "Only a PLANNED session; invitees learn it through the SessionCancelled event.")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(jakarta.ws.rs.core.HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid CancelRequest request) {
        Session s = service.cancel(id, Versions.expected(ifMatch), request.reason());
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }

    /** Why a session is cancelled. */
    @Schema(name = "CancelRequest")
    public record CancelRequest(@NotBlank @Size(max = 1000) @Schema(examples = "The venue is unavailable.") String reason) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(summary = "Get a session")
    public Response get(@PathParam("id") UUID id) {
        Session s = service.find(id).orElseThrow(() -> DomainException.notFound("Session", id));
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }
}
