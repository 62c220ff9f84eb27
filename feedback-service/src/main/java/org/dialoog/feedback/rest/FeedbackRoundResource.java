package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.service.NewRound;
import org.dialoog.feedback.service.ResultsService;
import org.dialoog.feedback.service.RoundService;
import org.dialoog.feedback.service.TrustMatrix;
import org.dialoog.feedback.service.TrustMatrixService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback rounds: a questionnaire opened to an audience for a period, and its results. */
@Path("/api/v1/feedback-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback rounds", description = "Rounds, their results, closing")
public class FeedbackRoundResource {

    private final RoundService service;
    private final ResultsService results;
    private final TrustMatrixService trust;
    private final IdempotentCreate idempotent;

    FeedbackRoundResource(
            RoundService service, ResultsService results, TrustMatrixService trust, IdempotentCreate idempotent) {
        this.service = service;
        this.results = results;
        this.trust = trust;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "openFeedbackRound",
            summary = "Open a feedback round",
            description = "For an ACTIVE engagement the caller facilitates (400 for one not "
                    + "known here, 409 for one not active). ATTENDEES rounds belong to a session; their tokens can be issued once the "
                    + "session completed. The questionnaire is frozen from now on (a change makes a new version); a superseded version "
                    + "is refused. The round's minGroupSize comes from the engagement's settings (default 5). Publishes FeedbackRoundOpened. "
                    + "delivery MAIL (the default but for PUBLIC rounds): when the round opens (now, or at opensAt) every member of "
                    + "its audience gets one personal single-use answer link by mail (an ATTENDEES round once its session's "
                    + "attendance is known); tokens issued by hand before that are not mailed. MANUAL: nothing is mailed. "
                    + "A PUBLIC round with delivery MAIL is refused (400).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoundView.class)))
    public Response open(
            @NotNull @Valid RoundRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            FeedbackRound r = service.open(new NewRound(
                    request.engagementId(),
                    request.sessionId(),
                    request.questionnaireId(),
                    request.audience(),
                    request.opensAt(),
                    request.closesAt(),
                    request.delivery()));
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder().path("api/v1/feedback-rounds/{id}").build(r.id),
                    RoundView.of(r),
                    Long.toString(r.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "FeedbackRound")
    @Operation(
            operationId = "listFeedbackRounds",
            summary = "List feedback rounds",
            description = "Newest first; facilitators and clients see their engagements' rounds.")
    public Response list(
            @QueryParam("engagementId") UUID engagementId,
            @QueryParam("sessionId") UUID sessionId,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.list(engagementId, sessionId, page, pageSize).map(RoundView::of), uri);
    }

    @GET
    @Path("/{roundId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(operationId = "getFeedbackRound", summary = "Get a feedback round")
    @APIResponse(
            responseCode = "200",
            description = "The round",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoundView.class)))
    public Response get(@PathParam("roundId") UUID id) {
        FeedbackRound r = service.find(id);
        return Response.ok(RoundView.of(r)).tag(Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{roundId}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "closeFeedbackRound",
            summary = "Close a feedback round",
            description = "No more responses (409 after). Publishes FeedbackRoundClosed and "
                    + "the final FeedbackResultsUpdated.")
    @APIResponse(
            responseCode = "200",
            description = "The closed round",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoundView.class)))
    public Response close(@PathParam("roundId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        FeedbackRound r = service.close(id, Versions.expected(ifMatch));
        return Response.ok(RoundView.of(r)).tag(Versions.etag(r.version)).build();
    }

    /** A reminder that went out: to how many participants, and when. */
    @Schema(name = "FeedbackRoundReminder")
    public record ReminderView(
            UUID roundId,

            @Schema(description = "Participants asked again: everyone who was issued a token for the round")
            int asked,

            OffsetDateTime remindedAt) {}

    @POST
    @Path("/{roundId}/reminders")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "remindFeedbackRound",
            summary = "Remind a feedback round's audience",
            description = "Asks everyone who was issued a token for the round (by mail or by hand) again by mail, "
                    + "without a link (tokens are single-use and kept only as hashes) and with \"if you already answered, "
                    + "ignore this\": never only those who did not answer, which would tie tokens to people. Only while the "
                    + "round is OPEN (409), at most once per reminder gap (default an hour; 429 with Retry-After).")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the reminders are decided and go out by mail",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(
            responseCode = "429",
            description = "A reminder for this round went out less than the reminder gap ago; Retry-After says when "
                    + "the next one can go")
    public Response remind(@PathParam("roundId") UUID id) {
        RoundService.Reminder r = service.remind(id);
        return Response.accepted(new ReminderView(r.round().id, r.asked(), r.at()))
                .tag(Versions.etag(r.round().version))
                .build();
    }

    @GET
    @Path("/{roundId}/results")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getRoundResults",
            summary = "A round's results",
            description =
                    "Response count and rate (responses per token issued), per question "
                            + "the distribution, mean and 95% confidence interval, per dimension the mean on a 0–100 scale. k-anonymous: with "
                            + "fewer than minGroupSize responses only the count is shown (withheld); a party is shown only with at least "
                            + "minGroupSize responses, and further parties are suppressed where the hidden ones could otherwise be derived by "
                            + "subtracting the shown ones from the total. Texts: published contributions only, never per party, not for "
                            + "integrations. Read from counters kept as responses arrive, so the cost does not grow with the number of responses.")
    public ResultsService.Results results(
            @PathParam("roundId") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return results.of(id, QuestionnaireView.language(language));
    }

    @GET
    @Path("/{roundId}/trust-matrix")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getRoundTrustMatrix",
            summary = "A round's party × party trust matrix",
            description = "For a round that asked a PARTY_TRUST question (the built-in questionnaire `party-trust`): "
                    + "for every ordered pair of the engagement's parties, how the respondents of `fromPartyId` trust "
                    + "`toPartyId` — the number of answers and their mean on 0–100 (scale minimum 0, maximum 100). "
                    + "k-anonymous: a cell with 1 to minGroupSize − 1 answers is suppressed (`answers` and `mean` null, "
                    + "`suppressed` true). No marginals: no row, column or round total and no pooled TRUST dimension is "
                    + "published, here or in the round's results, so a suppressed cell cannot be recovered by subtracting "
                    + "shown figures from a total. Parties by name, as engagement-service published them; a party no longer "
                    + "known keeps its cells with a null name. Same access as the round's results. 404 also when the round "
                    + "asked no PARTY_TRUST question.")
    @APIResponse(
            responseCode = "200",
            description = "The trust matrix",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrustMatrix.class)))
    public TrustMatrix trustMatrix(@PathParam("roundId") UUID id) {
        return trust.ofRound(id);
    }
}
