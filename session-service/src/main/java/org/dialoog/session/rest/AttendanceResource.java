package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dialoog.conventions.security.Caller;
import org.dialoog.session.Attendance;
import org.dialoog.session.service.AttendanceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who was at a session. */
@Path("/api/v1/sessions/{sessionId}/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance", description = "Who was actually there; decides who may give session feedback")
public class AttendanceResource {

    private final AttendanceService service;

    AttendanceResource(AttendanceService service) {
        this.service = service;
    }

    /** One participant present or absent. */
    @Schema(name = "AttendanceMark")
    public record Mark(@NotNull UUID participantId, @NotNull Boolean present) {}

    /** A line of the attendance list. */
    @Schema(name = "Attendance")
    public record AttendanceView(UUID participantId, UUID partyId, boolean present, OffsetDateTime recordedAt) {
        static AttendanceView of(Attendance a) {
            return new AttendanceView(a.participantId, a.partyId, a.present, a.recordedAt);
        }
    }

    @PUT
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "recordAttendance",
            summary = "Record attendance",
            description = "Once the session started and before it is completed; a later "
                    + "mark for the same participant replaces the earlier one. Participants need not have been invited (walk-ins), "
                    + "but must belong to the session's engagement. Answers the whole list.")
    public List<AttendanceView> record(
            @PathParam("sessionId") UUID sessionId, @NotEmpty @Size(max = 2000) List<@NotNull @Valid Mark> marks) {
        return service
                .record(
                        sessionId,
                        marks.stream()
                                .map(m -> new AttendanceService.Mark(m.participantId(), m.present()))
                                .toList())
                .stream()
                .map(AttendanceView::of)
                .toList();
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(operationId = "listAttendance", summary = "Get the attendance list")
    public List<AttendanceView> list(@PathParam("sessionId") UUID sessionId) {
        return service.list(sessionId).stream().map(AttendanceView::of).toList();
    }
}
