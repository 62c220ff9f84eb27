package org.dialoog.session.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.CalendarFeed;
import org.dialoog.session.rest.CalendarFeedViews.CalendarFeedRequest;
import org.dialoog.session.rest.CalendarFeedViews.CalendarFeedView;
import org.dialoog.session.rest.CalendarFeedViews.CreatedCalendarFeed;
import org.dialoog.session.service.CalendarFeedService;
import org.dialoog.session.service.CalendarService;
import org.dialoog.session.store.PublicCalendarFeeds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Subscribable calendars behind a secret URL, for calendar apps that cannot send a bearer token. */
@Path("/api/v1/calendar-feeds")
@Tag(
        name = "Calendar feeds",
        description = "Secret, revocable iCalendar subscription URLs (webcal://) for an engagement or one participant")
public class CalendarFeedResource {

    static final String PATH = "api/v1/calendar-feeds";
    /** Apps poll feeds on their own schedule; a few minutes of reuse spare the service without hiding a change long. */
    static final String FEED_CACHE = "private, max-age=300";

    private final CalendarFeedService service;
    private final PublicCalendarFeeds publicFeeds;
    private final Caller caller;
    private final RateLimits rateLimits;

    CalendarFeedResource(
            CalendarFeedService service, PublicCalendarFeeds publicFeeds, Caller caller, RateLimits rateLimits) {
        this.service = service;
        this.publicFeeds = publicFeeds;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
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
    @Operation(
            summary = "List an engagement's calendar feeds",
            description = "Oldest first, without their secrets or URLs (those were shown once, at creation).")
    @APIResponse(
            responseCode = "200",
            description = "One page of feeds; Link names the other pages",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarFeedViews.CalendarFeedPage.class)))
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
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(summary = "Get a calendar feed's description", description = "Without its secret or URL.")
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(responseCode = "403", description = "Not a facilitator of this engagement, nor an admin")
    @APIResponse(responseCode = "404", description = "No such feed (revoked), or not visible to this caller")
    public CalendarFeedView get(@PathParam("id") UUID id) {
        return CalendarFeedView.of(service.find(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            summary = "Revoke a calendar feed",
            description = "From now on its URL answers 404, exactly like a URL that never existed; calendar apps "
                    + "subscribed to it stop receiving updates. Create a new feed to give access again.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Not a facilitator of this engagement, nor an admin")
    @APIResponse(responseCode = "404", description = "No such feed (already revoked), or not visible to this caller")
    public Response revoke(@PathParam("id") UUID id) {
        service.revoke(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{secret}/calendar.ics")
    @Produces(CalendarService.MEDIA_TYPE)
    @PermitAll
    @Operation(
            extensions = @Extension(name = OpenApiConventions.PUBLIC, value = "true"),
            summary = "Read a calendar feed (the subscription URL)",
            description =
                    "What calendar apps poll: subscribe with webcal://<host>/api/v1/calendar-feeds/<secret>/calendar.ics. "
                            + "No token: the secret in the path is the credential. " + CalendarResource.DESCRIPTION
                            + " The calendar names itself after the engagement and asks apps to refresh hourly (REFRESH-INTERVAL, "
                            + "X-PUBLISHED-TTL). Send If-None-Match with the ETag to get 304 while nothing changed. A wrong "
                            + "secret and a revoked feed both answer the same 404. Limited per client address and per feed "
                            + "(429 with Retry-After).")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            headers = {
                @Header(
                        name = HttpHeaders.ETAG,
                        description = "Weak; changes when a session of the feed changes",
                        schema =
                                @Schema(type = SchemaType.STRING, examples = "W/\"5f0c2a9d41e7b3c8a6d2e1f09b7c4a13\"")),
                @Header(
                        name = HttpHeaders.CACHE_CONTROL,
                        description = "How long an app may reuse the answer",
                        schema = @Schema(type = SchemaType.STRING, examples = FEED_CACHE))
            },
            content =
                    @Content(
                            mediaType = CalendarService.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, examples = CalendarFeedViews.EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No feed at this address: a wrong or revoked secret")
    @APIResponse(responseCode = "429", description = "Too many requests; Retry-After says when to try again")
    public Response feed(
            @PathParam("secret") @Parameter(description = "The feed's secret, as in the URL given at creation")
                    String secret,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    @Parameter(description = "The ETag of the copy the app holds")
                    @Nullable
                    String ifNoneMatch,
            @Context HttpServerRequest http) {
        // counted before the lookup, so that guessing secrets costs the guesser its budget, not our database
        rateLimits.take("calendar feed", http, CalendarFeed.hashOf(secret));
        caller.actForTenant(publicFeeds.tenantOf(secret).orElseThrow(CalendarFeedService::noFeed));
        var rendered = service.render(secret, ifNoneMatch);
        Response.ResponseBuilder answer = rendered.body() == null
                ? Response.notModified()
                : Response.ok(rendered.body(), CalendarService.MEDIA_TYPE + "; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=\"dialoog.ics\"");
        return answer.header(HttpHeaders.ETAG, rendered.etag())
                .header(HttpHeaders.CACHE_CONTROL, FEED_CACHE)
                .build();
    }
}
