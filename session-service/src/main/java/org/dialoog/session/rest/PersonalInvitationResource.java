package org.dialoog.session.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.session.service.CalendarService;
import org.dialoog.session.service.PersonalLinkService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An invitee's own page, behind the personal link their messages carry: no account needed. */
@Path("/api/v1/personal-invitations/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal links", description = "What the personal links in messages open, without an account")
public class PersonalInvitationResource {

    private final PersonalLinkService service;
    private final PersonalLinkGate gate;

    PersonalInvitationResource(PersonalLinkService service, PersonalLinkGate gate) {
        this.service = service;
        this.gate = gate;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "getPersonalInvitation",
            summary = "See the session one is invited to",
            description = "The session (time, place, online link, agenda, status), its seats and the invitee's own "
                    + "answer; nothing of other invitees. A link works until 30 days after the session ended or was "
                    + "cancelled." + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The invitation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalLinkViews.PersonalInvitation.class)))
    public PersonalLinkViews.PersonalInvitation get(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.PersonalInvitation.of(service.invitation(gate.enter(code, http)));
    }

    @PUT
    @Path("/response")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "respondToPersonalInvitation",
            summary = "Accept, decline or answer tentatively",
            description = "The same rules as a facilitator's answer: an acceptance beyond the capacity is WAITLISTED; "
                    + "declining later cancels, and a freed seat goes to whoever waited longest. Only while the session is "
                    + "PLANNED (409 otherwise)." + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The invitation with the new answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalLinkViews.PersonalInvitation.class)))
    public PersonalLinkViews.PersonalInvitation respond(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @NotNull @Valid PersonalLinkViews.PersonalInvitationResponse request,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.PersonalInvitation.of(service.respond(gate.enter(code, http), request.response()));
    }

    @GET
    @Path("/calendar.ics")
    @PermitAll
    @Produces(CalendarService.MEDIA_TYPE)
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "getPersonalInvitationCalendar",
            summary = "Download the session for a calendar",
            description = CalendarResource.DESCRIPTION + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The session as a calendar",
            content = @Content(mediaType = CalendarService.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response calendar(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.ics(service.invitationCalendar(gate.enter(code, http)));
    }
}
