package org.dialoog.session.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** A public registrant's own page: the code from sign-up or from any of their messages opens it. */
@Path("/api/v1/personal-registrations/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal links")
public class PersonalRegistrationResource {

    private final PersonalLinkService service;
    private final PersonalLinkGate gate;

    PersonalRegistrationResource(PersonalLinkService service, PersonalLinkGate gate) {
        this.service = service;
        this.gate = gate;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "getPersonalRegistration",
            summary = "See one's registration and its session",
            description = "The registration (without name or e-mail) and the session. The code returned at sign-up "
                    + "works here too. A cancelled registration's links are spent." + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The registration",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalLinkViews.PersonalRegistration.class)))
    public PersonalLinkViews.PersonalRegistration get(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.PersonalRegistration.of(service.registration(gate.enter(code, http)));
    }

    @DELETE
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "cancelPersonalRegistration",
            summary = "Cancel one's registration",
            description = "A confirmed seat goes to whoever waited longest. Answers the cancelled registration once; "
                    + "its links are spent afterwards (404, as for a wrong code)." + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The cancelled registration",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalLinkViews.PersonalRegistration.class)))
    public PersonalLinkViews.PersonalRegistration cancel(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.PersonalRegistration.of(service.cancelRegistration(gate.enter(code, http)));
    }

    @GET
    @Path("/calendar.ics")
    @PermitAll
    @Produces(CalendarService.MEDIA_TYPE)
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "getPersonalRegistrationCalendar",
            summary = "Download the session for a calendar",
            description = CalendarResource.DESCRIPTION + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The session as a calendar",
            content = @Content(mediaType = CalendarService.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response calendar(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.ics(service.registrationCalendar(gate.enter(code, http)));
    }
}
