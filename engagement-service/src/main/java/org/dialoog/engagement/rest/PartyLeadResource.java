package org.dialoog.engagement.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.PartyLead;
import org.dialoog.engagement.service.PartyLeadService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Party leads (trekkers): the parties taking the process over, one granted right at a time. */
@Path("/api/v1/engagements/{engagementId}/party-leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Party leads",
        description =
                "A participant with an account leads their party: a facilitator grants rights step by step "
                        + "(RECORD_CONSENT: answer agreements for the party; in session-service PROPOSE_SESSIONS, "
                        + "PROPOSE_AGENDA_ITEMS, RUN_POLLS, UPDATE_ACTIONS of the party's own action items, RECORD_OUTCOMES as "
                        + "an author of sessions' outcomes). Tokens carry the party-lead role; the grant decides where and what")
public class PartyLeadResource {

    private final PartyLeadService service;
    private final IdempotentCreate idempotent;

    PartyLeadResource(PartyLeadService service, IdempotentCreate idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "grantPartyLead",
            summary = "Make a participant the lead of their party",
            description = "The participant must belong to this engagement (400). One grant per account and one per "
                    + "participant in an engagement (409). The grant ends when the participant is removed or moves "
                    + "to another party. Publishes party-lead-granted.")
    @APIResponse(
            responseCode = "201",
            description = "Granted; Location names the grant",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyLeadView.class)))
    public Response grant(
            @PathParam("engagementId") UUID engagementId,
            @NotNull @Valid PartyLeadRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            PartyLead l = service.grant(engagementId, request.participantId(), request.userId(), request.rights());
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder()
                            .path("api/v1/engagements/{e}/party-leads/{l}")
                            .build(engagementId, l.id),
                    PartyLeadView.of(l),
                    Long.toString(l.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.PARTY_LEAD})
    @Operation(
            operationId = "listPartyLeads",
            summary = "List an engagement's party leads",
            description = "Oldest grant first; an engagement has a handful, so this list is not paged.")
    @APIResponse(
            responseCode = "200",
            description = "The party leads and their rights",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyLeadView.class, type = SchemaType.ARRAY)))
    public List<PartyLeadView> list(@PathParam("engagementId") UUID engagementId) {
        return service.list(engagementId).stream().map(PartyLeadView::of).toList();
    }

    @GET
    @Path("/{partyLeadId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.PARTY_LEAD})
    @Operation(operationId = "getPartyLead", summary = "Get a party lead's grant")
    @APIResponse(
            responseCode = "200",
            description = "The grant; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyLeadView.class)))
    public Response get(@PathParam("engagementId") UUID engagementId, @PathParam("partyLeadId") UUID leadId) {
        PartyLead l = service.get(engagementId, leadId);
        return Response.ok(PartyLeadView.of(l)).tag(Versions.etag(l.version)).build();
    }

    @PUT
    @Path("/{partyLeadId}/rights")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "changePartyLeadRights",
            summary = "Grant or take back rights",
            description = "Replaces the set of rights; If-Match honoured. Publishes party-lead-updated.")
    @APIResponse(
            responseCode = "200",
            description = "The grant with its new rights",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyLeadView.class)))
    public Response changeRights(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("partyLeadId") UUID leadId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PartyLeadRightsRequest request) {
        PartyLead l = service.changeRights(engagementId, leadId, Versions.expected(ifMatch), request.rights());
        return Response.ok(PartyLeadView.of(l)).tag(Versions.etag(l.version)).build();
    }

    @DELETE
    @Path("/{partyLeadId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @APIResponse(responseCode = "204", description = "Revoked")
    @Operation(
            operationId = "revokePartyLead",
            summary = "Revoke a party lead",
            description = "Their earlier answers stay in the agreements' record. If-Match honoured. Publishes "
                    + "party-lead-revoked.")
    public Response revoke(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("partyLeadId") UUID leadId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.revoke(engagementId, leadId, Versions.expected(ifMatch));
        return Response.noContent().build();
    }
}
