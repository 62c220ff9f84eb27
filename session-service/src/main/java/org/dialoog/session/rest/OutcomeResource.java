package org.dialoog.session.rest;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
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
import org.dialoog.conventions.rest.MergePatch;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.OutcomeAction;
import org.dialoog.session.service.OutcomeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** A session's outcome: its notes, decisions, open questions and action items. */
@Path("/api/v1/sessions/{sessionId}/outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Outcomes",
        description = "What sessions produced: notes per agenda item, decisions, open questions, action items")
public class OutcomeResource {

    private final OutcomeService service;
    private final MergePatch mergePatch;

    OutcomeResource(OutcomeService service, MergePatch mergePatch) {
        this.service = service;
        this.mergePatch = mergePatch;
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(
            operationId = "getSessionOutcome",
            summary = "Get a session's outcome",
            description = "The current version of the record; its ETag carries the version to send as If-Match. 404 "
                    + "while none was written (and for a session the caller may not see).")
    @APIResponse(
            responseCode = "200",
            description = "The outcome; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OutcomeView.class)))
    public Response get(@PathParam("sessionId") UUID sessionId) {
        return ok(service.find(sessionId));
    }

    @PUT
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "recordSessionOutcome",
            summary = "Record or replace a session's outcome",
            description = "The whole record, written as its next version (the first is version 1), during the session "
                    + "(PLANNED) or after it (COMPLETED); 409 for a CANCELLED session. The engagement's facilitators and "
                    + "admins write it, and party leads granted RECORD_OUTCOMES as its authors: a lead's new action items "
                    + "are initiated by the lead's party, and every action item of another party must be sent again "
                    + "with its id, unchanged (403 otherwise). Every version stays readable under …/outcome/versions. "
                    + "Send If-Match with the ETag of the version you read (412 when another was "
                    + "written since). Each action's ownerPartyId must be a party of the session's engagement (400 naming "
                    + "actions[i].ownerPartyId otherwise); an action sent with its id keeps that id, one without gets a new "
                    + "one, and one left out is removed. Every write publishes a session-outcome-recorded event with the "
                    + "counts, the actions' owners, due dates and states, never the texts.")
    @APIResponse(
            responseCode = "200",
            description = "The record replaced; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(
            responseCode = "201",
            description = "The first record of the session; ETag carries its version (1)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OutcomeView.class)))
    public Response record(
            @PathParam("sessionId") UUID sessionId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @NotNull @Valid OutcomeRequest request,
            @Context UriInfo uri) {
        OutcomeService.Current c = service.record(sessionId, Versions.expected(ifMatch), request.toDraft());
        if (c.created()) {
            return Response.created(uri.getAbsolutePath())
                    .entity(OutcomeView.of(c))
                    .tag(Versions.etag(c.outcome().version))
                    .build();
        }
        return ok(c);
    }

    @PATCH
    @Path("/actions/{actionId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "ActionChangeRequest")
    @Operation(
            operationId = "changeOutcomeAction",
            summary = "Change one action's status or due date",
            description = "JSON merge patch (RFC 7396) of an action's status and due date (null removes the due date), "
                    + "without rewriting the rest of the record: a new version of the outcome, like a PUT (If-Match with "
                    + "the outcome's ETag; 412 when stale; 409 for a CANCELLED session). Answers the whole outcome.")
    @APIResponse(
            responseCode = "200",
            description = "The outcome with the changed action; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OutcomeView.class)))
    public Response changeAction(
            @PathParam("sessionId") UUID sessionId,
            @PathParam("actionId") UUID actionId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(implementation = OutcomeRequest.ActionChangeRequest.class)))
                    @NotNull
                    JsonNode patch) {
        Long expected = Versions.expected(ifMatch);
        OutcomeAction current = service.writableAction(sessionId, actionId, expected);
        OutcomeRequest.ActionChangeRequest changed = mergePatch.apply(
                new OutcomeRequest.ActionChangeRequest(current.status, current.dueDate),
                patch,
                OutcomeRequest.ActionChangeRequest.class);
        return ok(service.changeAction(sessionId, actionId, expected, changed.toChange()));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "OutcomeVersion")
    @Operation(
            operationId = "listSessionOutcomeVersions",
            summary = "List the versions of a session's outcome",
            description = "Every version as it was written, newest first, with its author and whether a facilitator or "
                    + "a party (through its lead) wrote it. 404 while no outcome was written.")
    public Response versions(
            @PathParam("sessionId") UUID sessionId,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.versions(sessionId, page, pageSize).map(OutcomeVersionView::of), uri);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(
            operationId = "getSessionOutcomeVersion",
            summary = "Get one version of a session's outcome",
            description = "The record as it was written at that version (1 for the first); 404 for a version that "
                    + "was not written.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OutcomeVersionView.class)))
    public OutcomeVersionView version(
            @PathParam("sessionId") UUID sessionId,
            @PathParam("version") @Parameter(description = "The version number", example = "1") @Min(1) long version) {
        return OutcomeVersionView.of(service.version(sessionId, version));
    }

    private static Response ok(OutcomeService.Current c) {
        return Response.ok(OutcomeView.of(c))
                .tag(Versions.etag(c.outcome().version))
                .build();
    }
}
