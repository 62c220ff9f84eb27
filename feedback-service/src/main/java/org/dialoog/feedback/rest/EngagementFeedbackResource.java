package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.EngagementSettings;
import org.dialoog.feedback.service.Insights;
import org.dialoog.feedback.service.InsightsService;
import org.dialoog.feedback.service.RoundService;
import org.dialoog.feedback.service.TrustInsights;
import org.dialoog.feedback.service.TrustMatrixService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback per engagement: its settings and the insights across its rounds. */
@Path("/api/v1/engagements/{engagementId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "Is trust growing? Trends and divergence across an engagement's rounds")
public class EngagementFeedbackResource {

    private final RoundService rounds;
    private final InsightsService insights;
    private final TrustMatrixService trust;

    EngagementFeedbackResource(RoundService rounds, InsightsService insights, TrustMatrixService trust) {
        this.rounds = rounds;
        this.insights = insights;
        this.trust = trust;
    }

    /** Feedback settings of an engagement. */
    @Schema(name = "FeedbackSettings")
    public record Settings(
            @Schema(
                    description = "Open a session-evaluation round (built-in questionnaire, a week) for the attendees "
                            + "whenever a session of this engagement completes")
            @NotNull
            Boolean autoSessionEvaluation,

            @Schema(
                    description = "k: the smallest group whose answers are shown on their own; applies to rounds "
                            + "opened from now on",
                    defaultValue = "5")
            @NotNull
            @Min(2)
            @Max(100)
            Integer minGroupSize) {}

    /** The settings with their version and time of change. */
    @Schema(name = "FeedbackSettingsView")
    public record SettingsView(
            UUID engagementId,
            boolean autoSessionEvaluation,
            int minGroupSize,
            long version,

            @Schema(description = "Null until the settings are first set", nullable = true)
            OffsetDateTime updatedAt) {
        static SettingsView of(EngagementSettings s) {
            return new SettingsView(s.engagementId, s.autoSessionEvaluation, s.minGroupSize, s.version, s.updatedAt);
        }
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getFeedbackSettings",
            summary = "An engagement's feedback settings",
            description = "The defaults (no automatic evaluation, k = 5) until set.")
    public SettingsView settings(@PathParam("engagementId") UUID engagementId) {
        return SettingsView.of(rounds.readableSettings(engagementId));
    }

    @PUT
    @Path("/settings")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(operationId = "updateFeedbackSettings", summary = "Set an engagement's feedback settings")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SettingsView.class)))
    public Response changeSettings(
            @PathParam("engagementId") UUID engagementId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Settings request) {
        EngagementSettings s = rounds.changeSettings(
                engagementId, Versions.expected(ifMatch), request.autoSessionEvaluation(), request.minGroupSize());
        return Response.ok(SettingsView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @GET
    @Path("/insights")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getInsights",
            summary = "Insights across an engagement's rounds",
            description = "Per dimension (0–100): a series with one point "
                    + "per round (mean, answers, 95% interval), the trend (least-squares slope per round: RISING, FALLING or STABLE within "
                    + "1 point), the same per party under the rounds' k-anonymity rules, and the divergence between parties (the spread "
                    + "of the party means per round; CONVERGING when it shrinks). `format=csv` (or Accept: text/csv) gives the same as "
                    + "rows for spreadsheets.")
    @APIResponse(
            responseCode = "200",
            description = "The insights",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Insights.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
            })
    public Response insights(
            @PathParam("engagementId") UUID engagementId,
            @QueryParam("format")
                    @Pattern(regexp = "json|csv", message = "must be json or csv")
                    @Parameter(description = "json (default) or csv")
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (csv) {
            return Response.ok(insights.csv(engagementId), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"insights-" + engagementId + ".csv\"")
                    .build();
        }
        return Response.ok(insights.of(engagementId), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/trust-matrix")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getTrustInsights",
            summary = "Is trust between the parties rising?",
            description =
                    "The trust matrix of every round of the engagement that asked a PARTY_TRUST question, oldest "
                            + "first, as one series per ordered pair of parties (how `fromPartyId` trusts `toPartyId`): per round "
                            + "the answers and mean on 0–100, or `suppressed` where that round's matrix hides the cell (fewer than "
                            + "its minGroupSize answers). The trend is the least-squares slope per round of the shown means alone: "
                            + "RISING, FALLING, STABLE within 1 point, INSUFFICIENT_DATA below two shown rounds. Nothing is pooled "
                            + "across rounds or parties, so no suppressed cell enters any figure. Empty `rounds` when none asked it.")
    @APIResponse(
            responseCode = "200",
            description = "Trust between each pair of parties over time",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrustInsights.class)))
    public TrustInsights trustInsights(@PathParam("engagementId") UUID engagementId) {
        return trust.ofEngagement(engagementId);
    }
}
