package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.Contribution;
import org.dialoog.feedback.service.ModerationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Citizen input: text answers of public rounds, moderated before anyone sees them. */
@Path("/api/v1/feedback-rounds/{roundId}/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation", description = "Citizen input waits for a facilitator's decision")
public class ContributionResource {

    private final ModerationService service;

    ContributionResource(ModerationService service) {
        this.service = service;
    }

    /** A text answer as a moderator sees it (never with a party or a person). */
    @Schema(name = "Contribution")
    public record ContributionView(
            UUID id,
            UUID roundId,
            String questionKey,
            String text,

            @Schema(enumeration = {"PENDING", "PUBLISHED", "REJECTED"})
            String status,

            @Schema(nullable = true) @Nullable String reason,
            @Schema(nullable = true) @Nullable String moderatedBy,
            @Schema(nullable = true) @Nullable OffsetDateTime moderatedAt,
            long version) {
        static ContributionView of(Contribution c) {
            return new ContributionView(
                    c.id,
                    c.roundId,
                    c.questionKey,
                    c.text,
                    c.status,
                    c.reason,
                    c.moderatedBy,
                    c.moderatedAt,
                    c.version);
        }
    }

    /** A moderator's decision; a rejection needs a reason. */
    @Schema(name = "ModerationRequest")
    public record ModerationRequest(
            @NotNull ModerationService.Decision decision,

            @Size(max = 1000) @Schema(examples = "Noemt een persoon bij naam.") @Nullable
            String reason) {}

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Contribution")
    @Operation(
            operationId = "listContributions",
            summary = "List contributions",
            description = "Filter by status; oldest first.")
    public Response list(
            @PathParam("roundId") UUID roundId,
            @QueryParam("status")
                    @Pattern(regexp = "PENDING|PUBLISHED|REJECTED", message = "must be PENDING, PUBLISHED or REJECTED")
                    @Parameter(description = "PENDING, PUBLISHED or REJECTED")
                    String status,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.list(roundId, status, page, pageSize).map(ContributionView::of), uri);
    }

    @POST
    @Path("/{contributionId}/moderation")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "moderateContribution",
            summary = "Publish or reject a contribution",
            description = "Only published text appears in results. A later " + "decision replaces an earlier one.")
    @APIResponse(
            responseCode = "200",
            description = "The contribution after the decision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContributionView.class)))
    public Response moderate(
            @PathParam("roundId") UUID roundId,
            @PathParam("contributionId") UUID contributionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ModerationRequest request) {
        Contribution c = service.decide(
                roundId, contributionId, Versions.expected(ifMatch), request.decision(), request.reason());
        return Response.ok(ContributionView.of(c)).tag(Versions.etag(c.version)).build();
    }
}
