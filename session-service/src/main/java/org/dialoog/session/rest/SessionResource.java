package org.dialoog.session.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.dialoog.session.AgendaItem;
import org.dialoog.session.Session;
import org.dialoog.session.SessionFilter;
import org.dialoog.session.SessionStatus;
import org.dialoog.session.SessionType;
import org.dialoog.session.service.SessionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Sessions: the meetings of an engagement. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Scheduled meetings of engagements")
public class SessionResource {

    private final SessionService service;
    private final IdempotentCreate idempotent;
    private final MergePatch mergePatch;

    SessionResource(SessionService service, IdempotentCreate idempotent, MergePatch mergePatch) {
        this.service = service;
        this.idempotent = idempotent;
        this.mergePatch = mergePatch;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "scheduleSession",
            summary = "Schedule a session",
            description = "The engagement must be known here and ACTIVE: 400 for an unknown "
                    + "engagement (one created a moment ago becomes known within a second), 409 for one that is not active, 409 when a "
                    + "facilitator is already booked in an overlapping session (the problem names it when the caller may see it). A facilitator may schedule only "
                    + "for engagements they facilitate (403); without `facilitators` the calling facilitator is the session's facilitator. "
                    + "Sessions may be recorded after the fact (a start in the past is allowed).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response schedule(
            @NotNull @Valid SessionRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    @Nullable
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Session s = service.schedule(request.toDetails());
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder().path("api/v1/sessions/{id}").build(s.id),
                    SessionView.of(s),
                    Long.toString(s.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Session")
    @Operation(
            operationId = "listSessions",
            summary = "List sessions",
            description = "Earliest first. Facilitators see the sessions of engagements they "
                    + "facilitate, clients those of engagements that name them as contact, party leads those of the "
                    + "engagements in which their grant holds a right.")
    public Response list(
            @QueryParam("engagementId") @Nullable UUID engagementId,
            @QueryParam("from")
                    @Parameter(
                            description = "Sessions that end after this moment (ISO 8601 with offset)",
                            example = "2026-03-01T00:00:00+01:00")
                    @Nullable
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "Sessions that start before this moment (ISO 8601 with offset)",
                            example = "2026-04-01T00:00:00+02:00")
                    @Nullable
                    String to,
            @QueryParam("type") @Nullable SessionType type,
            @QueryParam("status") @Nullable SessionStatus status,
            @QueryParam("facilitator") @Parameter(description = "User id of a facilitator") @Nullable
                    String facilitator,
            @QueryParam("updatedSince")
                    @Parameter(description = QueryTimes.UPDATED_SINCE, example = QueryTimes.UPDATED_SINCE_EXAMPLE)
                    @Nullable
                    String updatedSince,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        var filter = new SessionFilter(
                engagementId,
                QueryTimes.parse("from", from),
                QueryTimes.parse("to", to),
                type,
                status,
                facilitator,
                QueryTimes.parse("updatedSince", updatedSince));
        return Pages.ok(service.list(filter, page, pageSize).map(SessionView::of), uri);
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(operationId = "getSession", summary = "Get a session")
    @APIResponse(
            responseCode = "200",
            description = "The session; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response get(@PathParam("sessionId") UUID id) {
        Session s = service.find(id);
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @PATCH
    @Path("/{sessionId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "SessionRequest")
    @Operation(
            operationId = "updateSession",
            summary = "Change or reschedule a session",
            description = "JSON merge patch (RFC 7396) of the fields of "
                    + "SessionRequest, for a PLANNED session; send If-Match with the ETag. A change of startsAt, endsAt or timeZone "
                    + "is a reschedule: invitations stay, the calendar SEQUENCE rises and a SessionRescheduled event tells the invitees. "
                    + "engagementId and type cannot change. A capacity below the seats already taken is a 409; a higher one gives "
                    + "seats to the waitlist.")
    @APIResponse(
            responseCode = "200",
            description = "The changed session",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response patch(
            @PathParam("sessionId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @NotNull JsonNode patch) {
        Long expected = Versions.expected(ifMatch);
        Session current = service.writable(id, expected);
        SessionRequest changed = mergePatch.apply(SessionView.editable(current), patch, SessionRequest.class);
        Session s = service.update(id, expected, changed.toDetails());
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @POST
    @Path("/{sessionId}/cancel")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "cancelSession",
            summary = "Cancel a session",
            description = "Only a PLANNED session; invitees learn it through the SessionCancelled event.")
    @APIResponse(
            responseCode = "200",
            description = "The cancelled session",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response cancel(
            @PathParam("sessionId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @NotNull @Valid CancelRequest request) {
        Session s =
                service.cancel(id, Versions.expected(ifMatch), request.reason().strip());
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }

    /** Why a session is cancelled. */
    @Schema(name = "CancelRequest")
    public record CancelRequest(
            @NotBlank @Size(max = 1000) @Schema(examples = "The venue is unavailable.")
            String reason) {}

    @POST
    @Path("/{sessionId}/complete")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "completeSession",
            summary = "Complete a session",
            description = "Only a PLANNED session that has started (409 otherwise). "
                    + "The SessionCompleted event carries the attendees marked present, with their parties; feedback-service opens "
                    + "the session's evaluation round from it when the engagement asks for that.")
    @APIResponse(
            responseCode = "200",
            description = "The completed session",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response complete(
            @PathParam("sessionId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        Session s = service.complete(id, Versions.expected(ifMatch));
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @POST
    @Path("/{sessionId}/agenda-items")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "addAgendaItem",
            summary = "Add an agenda item to a session",
            description =
                    "Appends one item to a PLANNED session's agenda (409 otherwise): the engagement's facilitators "
                            + "or an admin, or a party lead whose grant for the engagement holds PROPOSE_AGENDA_ITEMS (403 without "
                            + "it); the item then records the lead's party in `initiatedByPartyId`. The agenda must still fit the "
                            + "session (400 naming `minutes`). If-Match optional (412 when stale).")
    @APIResponse(
            responseCode = "200",
            description = "The session with its longer agenda",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response addAgendaItem(
            @PathParam("sessionId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @NotNull @Valid AgendaItem item) {
        Session s = service.addAgendaItem(id, Versions.expected(ifMatch), item);
        return Response.ok(SessionView.of(s)).tag(Versions.etag(s.version)).build();
    }
}
