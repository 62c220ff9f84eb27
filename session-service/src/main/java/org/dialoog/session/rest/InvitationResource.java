package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.Invitation;
import org.dialoog.session.service.InvitationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Who is asked to come to a session, and their answers. */
@Path("/api/v1/sessions/{sessionId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "Invitations, answers, capacity and waitlist")
public class InvitationResource {

    private final InvitationService service;

    InvitationResource(InvitationService service) {
        this.service = service;
    }

    /** Whom to invite: participants by id, and parties (all their current participants). */
    @Schema(name = "InvitationRequest")
    public record InvitationRequest(
            @Size(max = 1000) List<@NotNull UUID> participantIds,
            @Size(max = 100) List<@NotNull UUID> partyIds) {}

    /** An invitation as the API shows it. */
    @Schema(name = "Invitation")
    public record InvitationView(
            UUID sessionId,
            UUID participantId,
            UUID partyId,
            Invitation.Status status,
            OffsetDateTime invitedAt,
            @Schema(nullable = true) @Nullable OffsetDateTime respondedAt,

            @Schema(
                    description = "When the participant joined the waitlist; the earliest gets the next free seat",
                    nullable = true)
            @Nullable
            OffsetDateTime waitlistedAt) {
        static InvitationView of(Invitation i) {
            return new InvitationView(
                    i.sessionId, i.participantId, i.partyId, i.status, i.invitedAt, i.respondedAt, i.waitlistedAt);
        }
    }

    /** The outcome of inviting. */
    @Schema(name = "InvitationBatch")
    public record InvitationBatch(List<InvitationView> invited, List<UUID> alreadyInvited) {}

    /** An invitee's answer. */
    @Schema(name = "InvitationResponse")
    public record InvitationResponse(
            @NotNull @Schema(enumeration = {"ACCEPTED", "DECLINED", "TENTATIVE"})
            Invitation.Status response) {}

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "createInvitations",
            summary = "Invite participants",
            description = "Invites the named participants and every current participant of "
                    + "the named parties, all of the session's engagement (400 naming each unknown one). Inviting someone twice "
                    + "changes nothing; they are listed under alreadyInvited.")
    @APIResponse(
            responseCode = "200",
            description = "Who was invited now and who already was",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvitationBatch.class)))
    public InvitationBatch invite(@PathParam("sessionId") UUID sessionId, @NotNull @Valid InvitationRequest request) {
        var result = service.invite(
                sessionId,
                request.participantIds() == null ? List.of() : request.participantIds(),
                request.partyIds() == null ? List.of() : request.partyIds());
        return new InvitationBatch(
                result.created().stream().map(InvitationView::of).toList(), result.alreadyInvited());
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Invitation")
    @Operation(
            operationId = "listInvitations",
            summary = "List a session's invitations",
            description = "In the order they were sent; filter by status.")
    public Response list(
            @PathParam("sessionId") UUID sessionId,
            @QueryParam("status") Invitation.Status status,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.list(sessionId, status, page, pageSize).map(InvitationView::of), uri);
    }

    @DELETE
    @Path("/{participantId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "withdrawInvitation",
            summary = "Withdraw an invitation",
            description = "While the session is PLANNED (409 otherwise): the invitation and its personal link are "
                    + "gone (the link then answers 404 like any unknown one), a seat it held goes to the first on the "
                    + "waitlist, and the participant can be invited again. The invitee (unless they had declined) gets "
                    + "an INVITATION_WITHDRAWN message whose calendar attachment (METHOD:CANCEL) removes the session "
                    + "from their calendar. 404 for a participant who is not invited.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public Response withdraw(@PathParam("sessionId") UUID sessionId, @PathParam("participantId") UUID participantId) {
        service.withdraw(sessionId, participantId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{participantId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "respondToInvitation",
            summary = "Record an invitee's answer",
            description = "ACCEPTED takes a seat while one is free and otherwise "
                    + "puts the invitee on the waitlist (status WAITLISTED); DECLINED or TENTATIVE from someone holding a seat gives it "
                    + "to the first on the waitlist. Seats are shared with public registrations; under concurrent answers the capacity "
                    + "is never exceeded. Each answer publishes InvitationResponded. Frontends relay participants' answers (participants "
                    + "have no accounts).")
    @APIResponse(
            responseCode = "200",
            description = "The invitation after the answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvitationView.class)))
    public InvitationView respond(
            @PathParam("sessionId") UUID sessionId,
            @PathParam("participantId") UUID participantId,
            @NotNull @Valid InvitationResponse request) {
        return InvitationView.of(service.respond(sessionId, participantId, request.response()));
    }
}
