package org.dialoog.feedback.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.security.Caller;
import org.dialoog.feedback.service.DomainException;
import org.dialoog.feedback.service.FeedbackService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback rounds: a questionnaire opened to an audience for a period. */
@Path("/api/v1/feedback-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback rounds", description = "Questionnaires opened to an audience")
public class FeedbackRoundResource {

    private final FeedbackService service;
    private final IdempotentCreate idempotent;

    FeedbackRoundResource(FeedbackService service, IdempotentCreate idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(summary = "Open a feedback round")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response open(@NotNull @Valid RoundRequest request,
                         @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                         @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            FeedbackRound r = service.openRound(request);
            return new IdempotentCreate.Created(uri.getBaseUriBuilder().path("api/v1/feedback-rounds/{id}").build(r.id),
                    RoundView.of(r), Long.toString(r.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.INTEGRATION})
    @Operation(summary = "List feedback rounds", description = "Newest first.")
    public Response list(@QueryParam("engagementId") UUID engagementId,
                         @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                         @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
                         @Context UriInfo uri) {
        return Pages.ok(service.rounds(engagementId, page, pageSize).map(RoundView::of), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.INTEGRATION})
    @Operation(summary = "Get a feedback round")
    public Response get(@PathParam("id") UUID id) {
        FeedbackRound r = service.round(id).orElseThrow(() -> DomainException.notFound("Feedback round", id));
        return Response.ok(RoundView.of(r)).tag(Versions.etag(r.version)).build();
    }
}
