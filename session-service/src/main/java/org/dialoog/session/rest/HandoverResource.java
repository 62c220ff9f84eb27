package org.dialoog.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dialoog.conventions.security.Caller;
import org.dialoog.session.service.HandoverService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** The hand-over curve: how far an engagement's parties initiate its sessions, agenda items and action items. */
@Path("/api/v1/engagements/{engagementId}/handover")
@Tag(name = "Sessions")
public class HandoverResource {

    private final HandoverService handover;

    HandoverResource(HandoverService handover) {
        this.handover = handover;
    }

    @Schema(name = "HandoverCount", description = "How many of one kind, and how many of those parties initiated")
    public record CountView(
            @Schema(description = "How many there were", examples = "4")
            int total,

            @Schema(description = "How many a party initiated through its party lead", examples = "1")
            int byParties,

            @Schema(
                    nullable = true,
                    description = "byParties / total, rounded to 3 decimals; null when total is 0",
                    examples = "0.25")
            @Nullable
            Double share) {

        static CountView of(HandoverService.Count c) {
            return new CountView(c.total(), c.byParties(), c.share());
        }
    }

    @Schema(name = "HandoverMonth", description = "One calendar month (UTC) of the hand-over curve")
    public record MonthView(
            @Schema(description = "The month (UTC) the sessions started in", examples = "2026-03")
            String month,

            @Schema(description = "Sessions that were not cancelled")
            CountView sessions,

            @Schema(description = "The agenda items of those sessions")
            CountView agendaItems,

            @Schema(description = "The action items of those sessions' outcomes")
            CountView actionItems) {}

    @Schema(
            name = "Handover",
            description = "The hand-over curve of an engagement: per month, how much its parties initiated themselves")
    public record HandoverView(
            @Schema(description = "The engagement", examples = "0a89bea3-df72-4bcd-a5bb-ebf9f28bb2be")
            UUID engagementId,

            @Schema(description = "Months with sessions, oldest first")
            List<MonthView> months) {}

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(
            operationId = "getHandover",
            summary = "The hand-over curve of an engagement",
            description =
                    "Per calendar month (UTC) of the sessions' start, oldest first: the engagement's sessions (not "
                            + "cancelled), their agenda items and their outcomes' action items, each with how many a party initiated "
                            + "through its party lead and that share. Readers of the engagement's sessions and its party leads may "
                            + "read it; 404 for an engagement not known here or not the caller's. `format=csv` (or Accept: text/csv) "
                            + "gives one row per month for spreadsheets.")
    @APIResponse(
            responseCode = "200",
            description = "The curve",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverView.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
            })
    public Response handover(
            @PathParam("engagementId") UUID engagementId,
            @QueryParam("format")
                    @Pattern(regexp = "json|csv", message = "must be json or csv")
                    @Parameter(description = "json (default) or csv")
                    @Nullable
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) @Nullable String accept) {
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (csv) {
            return Response.ok(handover.csv(engagementId), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"handover-" + engagementId + ".csv\"")
                    .build();
        }
        List<MonthView> months = handover.curve(engagementId).stream()
                .map(m -> new MonthView(
                        m.month().toString(),
                        CountView.of(m.sessions()),
                        CountView.of(m.agendaItems()),
                        CountView.of(m.actionItems())))
                .toList();
        return Response.ok(new HandoverView(engagementId, months), MediaType.APPLICATION_JSON)
                .build();
    }
}
