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

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.session.service.PersonalLinkService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A participant's own ballot in a scheduling poll, behind the link of their poll invitation. */
@Path("/api/v1/personal-polls/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal links")
public class PersonalPollResource {

    private final PersonalLinkService service;
    private final PersonalLinkGate gate;

    PersonalPollResource(PersonalLinkService service, PersonalLinkGate gate) {
        this.service = service;
        this.gate = gate;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "getPersonalPoll",
            summary = "See a poll's slots and one's own vote",
            description = "Nothing of other participants' votes. The link works while the poll is open; once it is "
                    + "decided it is spent." + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The poll",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalLinkViews.PersonalPoll.class)))
    public PersonalLinkViews.PersonalPoll get(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.PersonalPoll.of(service.ballot(gate.enter(code, http)));
    }

    @PUT
    @Path("/votes")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "voteInPersonalPoll",
            summary = "Say which slots one can make",
            description = "Replaces an earlier vote; the same rules as a facilitator's (every id a slot of the poll, "
                    + "400 naming each other one)." + PersonalLinkViews.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The poll with the new vote",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalLinkViews.PersonalPoll.class)))
    public PersonalLinkViews.PersonalPoll vote(
            @PathParam("code") @Parameter(description = "The code of the personal link") String code,
            @NotNull @Valid PersonalLinkViews.PersonalPollVote request,
            @Context HttpServerRequest http) {
        return PersonalLinkViews.PersonalPoll.of(service.vote(gate.enter(code, http), request.availableSlotIds()));
    }
}
