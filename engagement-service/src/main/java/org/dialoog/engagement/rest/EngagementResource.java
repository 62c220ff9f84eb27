package org.dialoog.engagement.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.MergePatch;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.QueryTimes;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.EngagementKind;
import org.dialoog.engagement.EngagementQuery;
import org.dialoog.engagement.EngagementStatus;
import org.dialoog.engagement.Objective;
import org.dialoog.engagement.Phase;
import org.dialoog.engagement.service.EngagementDetails;
import org.dialoog.engagement.service.EngagementHealth;
import org.dialoog.engagement.service.EngagementHistory;
import org.dialoog.engagement.service.EngagementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Engagements: one facilitation assignment each. */
@Path("/api/v1/engagements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements", description = "Facilitation assignments, their status and phase")
public class EngagementResource {

    private final EngagementService service;
    private final EngagementHistory history;
    private final IdempotentCreate idempotent;
    private final MergePatch mergePatch;
    private final EngagementHealth health;

    EngagementResource(
            EngagementService service,
            EngagementHistory history,
            IdempotentCreate idempotent,
            MergePatch mergePatch,
            EngagementHealth health) {
        this.service = service;
        this.health = health;
        this.history = history;
        this.idempotent = idempotent;
        this.mergePatch = mergePatch;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "createEngagement",
            summary = "Create an engagement",
            description =
                    "Starts in status DRAFT and phase EXPLORATION; a facilitator who creates one becomes its facilitator.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Response create(
            @NotNull @Valid EngagementRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Engagement e = service.create(details(request));
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder().path("api/v1/engagements/{id}").build(e.id),
                    EngagementView.of(e),
                    Long.toString(e.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Engagement")
    @Operation(
            operationId = "listEngagements",
            summary = "List engagements",
            description = "Only engagements the caller may see; newest first unless sorted.")
    @APIResponse(responseCode = "200", description = "One page of engagements")
    public Response list(
            @QueryParam("status") EngagementStatus status,
            @QueryParam("kind") EngagementKind kind,
            @QueryParam("phase") Phase phase,
            @QueryParam("objective") Objective objective,
            @QueryParam("facilitator") @Parameter(description = "User id of a facilitator") String facilitator,
            @QueryParam("q") @Parameter(description = "Text in title, reference or client organisation") String q,
            @QueryParam("sort")
                    @Pattern(
                            regexp = "-?(createdAt|title|startDate)",
                            message = "must be one of createdAt, -createdAt, title, -title, startDate, -startDate")
                    String sort,
            @QueryParam("updatedSince")
                    @Parameter(description = QueryTimes.UPDATED_SINCE, example = QueryTimes.UPDATED_SINCE_EXAMPLE)
                    @Nullable
                    String updatedSince,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        var query = new EngagementQuery(
                status, kind, phase, objective, facilitator, q, sort, QueryTimes.parse("updatedSince", updatedSince));
        var result = service.list(query, page, pageSize);
        return Pages.ok(result.map(EngagementView::of), uri);
    }

    @GET
    @Path("/{engagementId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(operationId = "getEngagement", summary = "Get an engagement")
    @APIResponse(
            responseCode = "200",
            description = "The engagement; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Response get(@PathParam("engagementId") UUID id) {
        Engagement e = service.find(id).orElseThrow(() -> DomainException.notFound("Engagement", id));
        return Response.ok(EngagementView.of(e)).tag(Versions.etag(e.version)).build();
    }

    @PATCH
    @Path("/{engagementId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "EngagementRequest")
    @Operation(
            operationId = "updateEngagement",
            summary = "Change an engagement",
            description =
                    "JSON merge patch (RFC 7396) of the fields of EngagementRequest; send If-Match with the ETag to avoid overwriting someone else's change.")
    @APIResponse(
            responseCode = "200",
            description = "The changed engagement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Response patch(
            @PathParam("engagementId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        Long expected = Versions.expected(ifMatch);
        Engagement current = service.writable(id, expected);
        EngagementRequest changed = mergePatch.apply(EngagementView.editable(current), patch, EngagementRequest.class);
        Engagement e = service.update(id, expected, details(changed));
        return Response.ok(EngagementView.of(e)).tag(Versions.etag(e.version)).build();
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Deleted")
    @Path("/{engagementId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "deleteEngagement",
            summary = "Delete a draft engagement",
            description = "Only while DRAFT; later, cancel it instead.")
    public Response delete(@PathParam("engagementId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, Versions.expected(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{engagementId}/status")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "changeEngagementStatus",
            summary = "Move an engagement's status",
            description =
                    "DRAFT → ACTIVE ⇄ PAUSED → CONCLUDED, CANCELLED from any open state. ACTIVE needs at least two parties.")
    @APIResponse(
            responseCode = "200",
            description = "The engagement in its new status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Response changeStatus(
            @PathParam("engagementId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid StatusChangeRequest request) {
        Engagement e = service.changeStatus(id, Versions.expected(ifMatch), request.status(), request.reason());
        return Response.ok(EngagementView.of(e)).tag(Versions.etag(e.version)).build();
    }

    @POST
    @Path("/{engagementId}/phase")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "changeEngagementPhase",
            summary = "Move an engagement's phase",
            description = "EXPLORATION → DIALOGUE → CONVERGENCE → HANDOVER; going back needs a note.")
    @APIResponse(
            responseCode = "200",
            description = "The engagement in its new phase",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Response changePhase(
            @PathParam("engagementId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PhaseChangeRequest request) {
        Engagement e = service.changePhase(id, Versions.expected(ifMatch), request.phase(), request.note());
        return Response.ok(EngagementView.of(e)).tag(Versions.etag(e.version)).build();
    }

    @GET
    @Path("/{engagementId}/health")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(
            operationId = "getEngagementHealth",
            summary = "An engagement's health",
            description = "Per feedback dimension (0–100) the latest value and the trend "
                    + "over the engagement's rounds (RISING, FALLING, STABLE within 1 point per round, INSUFFICIENT_DATA below two rounds), "
                    + "and the number of sessions held. Built from feedback-service's FeedbackResultsUpdated (k-anonymous; rounds with "
                    + "fewer responses than their minimum group size count responses but give no values) and session-service's "
                    + "SessionCompleted events, so it follows them within about a second. agreements counts the "
                    + "engagement's agreements by state (carried, pending, objected, withdrawn); outcomes the decisions, open "
                    + "questions and action items of the sessions' recorded outcomes (session-outcome-recorded), with the "
                    + "OPEN ones due before today as overdue.")
    public EngagementHealth.Health health(@PathParam("engagementId") UUID id) {
        return health.of(id);
    }

    @GET
    @Path("/{engagementId}/history")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getEngagementHistory",
            summary = "Status and phase history of an engagement",
            description = "Oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "Oldest change first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HistoryView.class, type = SchemaType.ARRAY)))
    public List<HistoryView> history(@PathParam("engagementId") UUID id) {
        Engagement e = service.visible(id);
        return history.of(e.id).stream().map(HistoryView::of).toList();
    }

    private static EngagementDetails details(EngagementRequest r) {
        return new EngagementDetails(
                r.title(),
                r.description(),
                r.kind(),
                r.clientOrganisation(),
                r.objectives(),
                r.startDate(),
                r.endDate(),
                r.caseReference(),
                r.facilitators(),
                r.clientContacts(),
                Boolean.TRUE.equals(r.clientContactsSeePersonalData()));
    }
}
