package org.dialoog.session.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.CalendarFeed;
import org.dialoog.session.service.CalendarFeedReader;
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

/** The subscription URL calendar apps poll: a feed's calendar, read with the secret in the path instead of a token. */
@Path("/api/v1/calendar-feeds/{secret}/calendar.ics")
@Tag(name = "Calendar feeds")
public class CalendarSubscriptionResource {

    /** Apps poll feeds on their own schedule; a few minutes of reuse spare the service without hiding a change long. */
    static final String FEED_CACHE = "private, max-age=300";

    private final CalendarFeedReader reader;
    private final PublicCalendarFeeds publicFeeds;
    private final Caller caller;
    private final RateLimits rateLimits;

    CalendarSubscriptionResource(
            CalendarFeedReader reader, PublicCalendarFeeds publicFeeds, Caller caller, RateLimits rateLimits) {
        this.reader = reader;
        this.publicFeeds = publicFeeds;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    @GET
    @Produces(CalendarService.MEDIA_TYPE)
    @PermitAll
    @Operation(
            operationId = "getCalendarFeedCalendar",
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
            @Context HttpServerRequest http,
            @Context HttpServerResponse response) {
        // counted before the lookup, so that guessing secrets costs the guesser its budget, not our database
        rateLimits.take("calendar feed", http, CalendarFeed.hashOf(secret));
        caller.actForTenant(publicFeeds.tenantOf(secret).orElseThrow(CalendarFeedReader::noFeed));
        var rendered = reader.render(secret, ifNoneMatch);
        Response.ResponseBuilder answer = rendered.body() == null
                ? Response.notModified()
                : Response.ok(rendered.body(), CalendarService.MEDIA_TYPE + "; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=\"dialoog.ics\"");
        // set on the HTTP response itself: it replaces the API's no-store, which a JAX-RS header would only join
        response.headers().set(HttpHeaders.CACHE_CONTROL, FEED_CACHE);
        return answer.header(HttpHeaders.ETAG, rendered.etag()).build();
    }
}
