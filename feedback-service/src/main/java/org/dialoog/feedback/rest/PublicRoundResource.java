package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.service.FormService;
import org.dialoog.feedback.store.PublicRounds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** The open PUBLIC rounds of an engagement, for a municipality's site ("give your opinion"). */
@Path("/api/v1/engagements/{engagementId}/public-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses")
public class PublicRoundResource {

    private final FormService forms;
    private final PublicRounds publicRounds;
    private final Caller caller;
    private final RateLimits rateLimits;

    PublicRoundResource(FormService forms, PublicRounds publicRounds, Caller caller, RateLimits rateLimits) {
        this.forms = forms;
        this.publicRounds = publicRounds;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    /** An open PUBLIC round, as a site lists it; its form is GET /feedback-rounds/{roundId}/form. */
    @Schema(name = "PublicRound")
    public record PublicRoundView(
            UUID id,
            UUID engagementId,

            @Schema(nullable = true, description = "The session the round evaluates, if any") @Nullable
            UUID sessionId,

            @Schema(examples = "Give your opinion on the new square")
            String title,

            @Schema(description = "The language of title", examples = "nl")
            String language,

            @Schema(nullable = true) @Nullable OffsetDateTime opensAt,

            @Schema(nullable = true, description = "Until when it takes responses; null: until it is closed") @Nullable
            OffsetDateTime closesAt) {

        static PublicRoundView of(FormService.OpenRound o) {
            return new PublicRoundView(
                    o.round().id,
                    o.round().engagementId,
                    o.round().sessionId,
                    o.texts().title(),
                    o.texts().language(),
                    o.round().opensAt,
                    o.round().closesAt);
        }
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Extension(name = OpenApiConventions.PAGE_OF, value = "PublicRound")
    @Operation(
            operationId = "listPublicRounds",
            summary = "List an engagement's open public rounds",
            description = "No account: the rounds of audience PUBLIC that take responses now, soonest closing first; "
                    + "rounds of other audiences, scheduled and closed rounds never appear. An engagement this service "
                    + "does not know (or one of any tenant without such rounds) answers an empty page, never 404, so that "
                    + "the list cannot tell which engagement ids exist. Titles in the first Accept-Language the "
                    + "questionnaire has in full. Unauthenticated: limited per client address and per engagement "
                    + "(429 with Retry-After).")
    public Response list(
            @PathParam("engagementId") UUID engagementId,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
            @Context HttpServerRequest http,
            @Context UriInfo uri) {
        rateLimits.take("engagement", http, engagementId);
        var tenant = publicRounds.tenantOfEngagement(engagementId);
        if (tenant.isEmpty()) {
            return Pages.ok(new Paging.Page<PublicRoundView>(java.util.List.of(), page, pageSize, 0), uri);
        }
        caller.actForTenant(tenant.get());
        return Pages.ok(
                forms.openPublicRounds(engagementId, QuestionnaireView.languages(acceptLanguage), page, pageSize)
                        .map(PublicRoundView::of),
                uri);
    }
}
