package org.dialoog.session.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.dialoog.conventions.security.Caller;
import org.dialoog.session.service.CalendarService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** All sessions of an engagement as one iCalendar feed. */
@Path("/api/v1/calendar")
@Tag(name = "Calendars")
public class EngagementCalendarResource {

    private final CalendarService calendars;

    EngagementCalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Produces(CalendarService.MEDIA_TYPE)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getEngagementCalendar",
            summary = "All sessions of an engagement as one iCalendar file",
            description = CalendarResource.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content = @Content(mediaType = CalendarService.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response engagement(@QueryParam("engagementId") @NotNull UUID engagementId) {
        return CalendarResource.file(calendars.ofEngagement(engagementId), "engagement-" + engagementId);
    }
}
