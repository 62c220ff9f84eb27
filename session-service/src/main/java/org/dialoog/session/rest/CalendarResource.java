package org.dialoog.session.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.dialoog.conventions.security.Caller;
import org.dialoog.session.service.CalendarService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sessions as iCalendar (RFC 5545) for Google Calendar, Outlook and Apple Calendar. */
@Path("/api/v1/sessions/{sessionId}/calendar")
@Tag(name = "Calendars", description = "Sessions as iCalendar files")
public class CalendarResource {

    static final String DESCRIPTION = "text/calendar (RFC 5545). Each session is a VEVENT whose UID stays the same for "
            + "the session's life; SEQUENCE rises on every reschedule and on cancellation, so calendar apps replace the event "
            + "they imported; a cancelled session has STATUS:CANCELLED. Times carry the session's TZID, and the calendar one VTIMEZONE "
            + "per TZID, written from the Java runtime's tz database for the sessions' dates (a local time that occurs "
            + "twice, in the night summer time ends, is written in UTC instead). METHOD:PUBLISH, one DTSTAMP per event, "
            + "lines folded at 75 octets.";

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Produces(CalendarService.MEDIA_TYPE)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getSessionCalendar",
            summary = "A session as an iCalendar file",
            description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content = @Content(mediaType = CalendarService.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response session(@PathParam("sessionId") UUID sessionId) {
        return file(calendars.ofSession(sessionId), "session-" + sessionId);
    }

    static Response file(String body, String name) {
        return Response.ok(body, CalendarService.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
                .build();
    }
}
