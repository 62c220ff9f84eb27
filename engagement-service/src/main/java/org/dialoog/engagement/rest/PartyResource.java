package org.dialoog.engagement.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.MergePatch;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.QueryTimes;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Participant;
import org.dialoog.engagement.Party;
import org.dialoog.engagement.service.ParticipantDetails;
import org.dialoog.engagement.service.PartyDetails;
import org.dialoog.engagement.service.PartyService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** The parties (stakeholder groups) of an engagement and their participants. */
@Path("/api/v1/engagements/{engagementId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parties and participants", description = "Stakeholder groups of an engagement and the people in them")
public class PartyResource {

    private final PartyService service;
    private final IdempotentCreate idempotent;
    private final MergePatch mergePatch;

    PartyResource(PartyService service, IdempotentCreate idempotent, MergePatch mergePatch) {
        this.service = service;
        this.idempotent = idempotent;
        this.mergePatch = mergePatch;
    }

    @POST
    @Path("/parties")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "createParty",
            summary = "Add a party",
            description = "Names are unique within an engagement (409).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyView.class)))
    public Response addParty(
            @PathParam("engagementId") UUID engagementId,
            @NotNull @Valid PartyRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Party p = service.addParty(engagementId, details(request));
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder()
                            .path("api/v1/engagements/{e}/parties/{p}")
                            .build(engagementId, p.id),
                    PartyView.of(p),
                    Long.toString(p.version));
        });
    }

    @GET
    @Path("/parties")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(
            operationId = "listParties",
            summary = "List the parties of an engagement",
            description = "By name; an engagement has a handful, so this list is not paged.")
    @APIResponse(
            responseCode = "200",
            description = "The parties, by name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyView.class, type = SchemaType.ARRAY)))
    public List<PartyView> parties(@PathParam("engagementId") UUID engagementId) {
        return service.parties(engagementId).stream().map(PartyView::of).toList();
    }

    @GET
    @Path("/parties/{partyId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(operationId = "getParty", summary = "Get a party")
    @APIResponse(
            responseCode = "200",
            description = "The party",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyView.class)))
    public Response party(@PathParam("engagementId") UUID engagementId, @PathParam("partyId") UUID partyId) {
        Party p = service.party(engagementId, partyId);
        return Response.ok(PartyView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @PATCH
    @Path("/parties/{partyId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "PartyRequest")
    @Operation(
            operationId = "updateParty",
            summary = "Change a party",
            description = "JSON merge patch of PartyRequest; If-Match honoured.")
    @APIResponse(
            responseCode = "200",
            description = "The changed party",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyView.class)))
    public Response patchParty(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("partyId") UUID partyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        PartyRequest changed =
                mergePatch.apply(PartyView.editable(service.party(engagementId, partyId)), patch, PartyRequest.class);
        Party p = service.updateParty(engagementId, partyId, Versions.expected(ifMatch), details(changed));
        return Response.ok(PartyView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Deleted")
    @Path("/parties/{partyId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "deleteParty",
            summary = "Remove a party",
            description = "Only a party without participants (409 otherwise).")
    public Response removeParty(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("partyId") UUID partyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.removeParty(engagementId, partyId, Versions.expected(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/participants")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "createParticipant",
            summary = "Add a participant",
            description = "E-mail addresses are unique within an engagement (409).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    public Response addParticipant(
            @PathParam("engagementId") UUID engagementId,
            @NotNull @Valid ParticipantRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Participant p = service.addParticipant(engagementId, details(request));
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder()
                            .path("api/v1/engagements/{e}/participants/{p}")
                            .build(engagementId, p.id),
                    ParticipantView.of(p, true),
                    Long.toString(p.version));
        });
    }

    @POST
    @Path("/participants/import")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "importParticipants",
            summary = "Import participants",
            description =
                    "Adds up to 1,000 participants in one step, all or none: a bad entry answers 400 naming it "
                            + "(participants[i].field), an address that already belongs to this engagement 409. Each participant "
                            + "is announced with its own participant-added event. Location is the engagement's participant list.")
    @APIResponse(
            responseCode = "201",
            description = "All participants were added, in the order sent",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantImport.Result.class)))
    public Response importParticipants(
            @PathParam("engagementId") UUID engagementId,
            @NotNull @Valid ParticipantImport request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            List<Participant> added = service.importParticipants(
                    engagementId,
                    request.participants().stream().map(PartyResource::details).toList());
            // the list it added has no version of its own, so no ETag
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder()
                            .path("api/v1/engagements/{e}/participants")
                            .build(engagementId),
                    new ParticipantImport.Result(
                            added.size(),
                            added.stream().map(p -> ParticipantView.of(p, true)).toList()),
                    null);
        });
    }

    @GET
    @Path("/participants")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Participant")
    @Operation(
            operationId = "listParticipants",
            summary = "List participants",
            description = "By name. Names and e-mail addresses are left out for integrations, and for client contacts "
                    + "unless the engagement grants them (clientContactsSeePersonalData).")
    @APIResponse(responseCode = "200", description = "One page of participants")
    public Response participants(
            @PathParam("engagementId") UUID engagementId,
            @QueryParam("partyId") UUID partyId,
            @QueryParam("role") Participant.Role role,
            @QueryParam("updatedSince")
                    @Parameter(description = QueryTimes.UPDATED_SINCE, example = QueryTimes.UPDATED_SINCE_EXAMPLE)
                    @Nullable
                    String updatedSince,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        boolean personal = service.showsPersonalData(engagementId);
        return Pages.ok(
                service.participants(
                                engagementId,
                                partyId,
                                role,
                                QueryTimes.parse("updatedSince", updatedSince),
                                page,
                                pageSize)
                        .map(p -> ParticipantView.of(p, personal)),
                uri);
    }

    @GET
    @Path("/participants/{participantId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getParticipant",
            summary = "Get a participant",
            description = "Name and e-mail address are left out for integrations, and for client contacts unless the "
                    + "engagement grants them (clientContactsSeePersonalData).")
    @APIResponse(
            responseCode = "200",
            description = "The participant",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    public Response participant(
            @PathParam("engagementId") UUID engagementId, @PathParam("participantId") UUID participantId) {
        Participant p = service.participant(engagementId, participantId);
        return Response.ok(ParticipantView.of(p, service.showsPersonalData(engagementId)))
                .tag(Versions.etag(p.version))
                .build();
    }

    @PATCH
    @Path("/participants/{participantId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "ParticipantRequest")
    @Operation(
            operationId = "updateParticipant",
            summary = "Change a participant",
            description = "JSON merge patch of ParticipantRequest; If-Match honoured.")
    @APIResponse(
            responseCode = "200",
            description = "The changed participant",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    public Response patchParticipant(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("participantId") UUID participantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        ParticipantRequest changed = mergePatch.apply(
                ParticipantView.editable(service.participant(engagementId, participantId)),
                patch,
                ParticipantRequest.class);
        Participant p =
                service.updateParticipant(engagementId, participantId, Versions.expected(ifMatch), details(changed));
        return Response.ok(ParticipantView.of(p, true))
                .tag(Versions.etag(p.version))
                .build();
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Deleted")
    @Path("/participants/{participantId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(operationId = "deleteParticipant", summary = "Remove a participant")
    public Response removeParticipant(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("participantId") UUID participantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.removeParticipant(engagementId, participantId, Versions.expected(ifMatch));
        return Response.noContent().build();
    }

    private static PartyDetails details(PartyRequest r) {
        return new PartyDetails(r.name(), r.type(), r.interests());
    }

    private static ParticipantDetails details(ParticipantRequest r) {
        return new ParticipantDetails(
                r.partyId(), r.displayName(), r.email(), r.role(), r.language(), r.messagesOptOut());
    }
}
