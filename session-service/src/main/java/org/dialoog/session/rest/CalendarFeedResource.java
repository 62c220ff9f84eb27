package org.dialoog.session.rest;

import java.net.URI;
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
import jakarta.ws.rs.POST;
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
import org.dialoog.session.rest.CalendarFeedViews.CalendarFeedRequest;
import org.dialoog.session.rest.CalendarFeedViews.CalendarFeedView;
import org.dialoog.session.rest.CalendarFeedViews.CreatedCalendarFeed;
import org.dialoog.session.service.CalendarFeedService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Managing calendar feeds: secret subscription URLs for calendar apps, which cannot send a bearer token. */
@Path("/api/v1/calendar-feeds")
@Tag(
        name = "Calendar feeds",
        description = "Secret, revocable iCalendar subscription URLs (webcal://) for an engagement or one participant")
public class CalendarFeedResource {

    static final String PATH = "api/v1/calendar-feeds";

    private final CalendarFeedService service;

    CalendarFeedResource(CalendarFeedService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "createCalendarFeed",
            summary = "Create a calendar feed",
            description = "A subscription URL for all sessions of an engagement, or, with participantId, for the "
                    + "sessions that participant is invited to (declined invitations left out). The URL carries a secret "
                    + "that is shown in this answer only; only its hash is stored. Anyone with the URL can read the "
                    + "calendar, so share it as you would a password and revoke it when it leaks. Only the engagement's "
                    + "facilitators and admins (403); 400 for an engagement not known here or a participant not in it. "
                    + "No Idempotency-Key: a replay would have to store the secret.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the body holds the feed URL with its secret, shown only now. Location names the "
                    + "feed's description (without secret).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedCalendarFeed.class)))
    @APIResponse(responseCode = "400", description = "No such engagement here, or the participant is not in it")
    @APIResponse(responseCode = "403", description = "Not a facilitator of this engagement, nor an admin")
    public Response create(@NotNull @Valid CalendarFeedRequest request, @Context UriInfo uri) {
        var created = service.create(request.engagementId(), request.participantId());
        URI feedUrl =
                uri.getBaseUriBuilder().path(PATH).path("{secret}/calendar.ics").build(created.secret());
        return Response.created(uri.getBaseUriBuilder().path(PATH).path("{id}").build(created.feed().id))
                .entity(CreatedCalendarFeed.of(created.feed(), feedUrl))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "CalendarFeed")
    @Operation(
            operationId = "listCalendarFeeds",
            summary = "List an engagement's calendar feeds",
            description = "Oldest first, without their secrets or URLs (those were shown once, at creation).")
    @APIResponse(responseCode = "200", description = "One page of feeds; Link names the other pages")
    @APIResponse(responseCode = "403", description = "Not a facilitator of this engagement, nor an admin")
    @APIResponse(responseCode = "404", description = "No such engagement, or not visible to this caller")
    public Response list(
            @QueryParam("engagementId") @NotNull @Parameter(description = "The engagement whose feeds to list")
                    UUID engagementId,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.list(engagementId, page, pageSize).map(CalendarFeedView::of), uri);
    }

    @GET
    @Path("/{calendarFeedId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "getCalendarFeed",
            summary = "Get a calendar feed's description",
            description = "Without its secret or URL.")
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(responseCode = "403", description = "Not a facilitator of this engagement, nor an admin")
    @APIResponse(responseCode = "404", description = "No such feed (revoked), or not visible to this caller")
    public CalendarFeedView get(@PathParam("calendarFeedId") UUID id) {
        return CalendarFeedView.of(service.find(id));
    }

    @DELETE
    @Path("/{calendarFeedId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "revokeCalendarFeed",
            summary = "Revoke a calendar feed",
            description = "From now on its URL answers 404, exactly like a URL that never existed; calendar apps "
                    + "subscribed to it stop receiving updates. Create a new feed to give access again.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Not a facilitator of this engagement, nor an admin")
    @APIResponse(responseCode = "404", description = "No such feed (already revoked), or not visible to this caller")
    public Response revoke(@PathParam("calendarFeedId") UUID id) {
        service.revoke(id);
        return Response.noContent().build();
    }
}
