package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.service.FormHeaders;
import org.dialoog.feedback.service.FormService;
import org.dialoog.feedback.store.PublicRounds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** A round's form for a respondent without an account: questions, token state, parties to rate. */
@Path("/api/v1/feedback-rounds/{roundId}/form")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses")
public class FormResource {

    private final FormService forms;
    private final PublicRounds publicRounds;
    private final Caller caller;
    private final RateLimits rateLimits;

    FormResource(FormService forms, PublicRounds publicRounds, Caller caller, RateLimits rateLimits) {
        this.forms = forms;
        this.publicRounds = publicRounds;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    /** The round as a form shows it: no counts, no personal data. */
    @Schema(name = "FormRound")
    public record FormRound(
            UUID id,
            UUID engagementId,

            @Schema(nullable = true, description = "The session the round evaluates, if any") @Nullable
            UUID sessionId,

            FeedbackRound.Audience audience,

            @Schema(description = "SCHEDULED before opensAt, OPEN, CLOSED after closesAt or a close")
            FeedbackRound.State state,

            @Schema(nullable = true) @Nullable OffsetDateTime opensAt,
            @Schema(nullable = true) @Nullable OffsetDateTime closesAt,
            @Schema(nullable = true) @Nullable OffsetDateTime closedAt) {

        static FormRound of(FeedbackRound r) {
            return new FormRound(
                    r.id,
                    r.engagementId,
                    r.sessionId,
                    FeedbackRound.Audience.valueOf(r.audience),
                    r.state(),
                    r.opensAt,
                    r.closesAt,
                    r.closedAt);
        }
    }

    /** A party a PARTY_TRUST answer may rate. */
    @Schema(
            name = "RateableParty",
            examples = "{\"id\": \"8d0f6c1e-2b7a-4c3d-9e5f-1a2b3c4d5e6f\", \"name\": \"Winkeliers\"}")
    public record PartyView(UUID id, String name) {}

    /** What a respondent's app needs to show the form and say whether it can be answered. */
    @Schema(name = "FeedbackForm")
    public record FormView(
            FormRound round,

            @Schema(
                    description = "VALID: can answer now; SPENT: this token already answered; NO_TOKEN_NEEDED: an open "
                            + "PUBLIC round; ROUND_NOT_YET_OPEN / ROUND_CLOSED: the round takes no responses now "
                            + "(the round's opensAt, closesAt or closedAt say when)")
            FormService.AnswerState answerState,

            @Schema(
                    description = "The language of title and question texts, also sent as Content-Language: the "
                            + "first Accept-Language the questionnaire has in full, else the one it was written in",
                    examples = "en")
            String language,

            @Schema(examples = "Session evaluation") String title,

            @Schema(description = "In the order to ask them; text in `language`")
            List<Question> questions,

            @Schema(
                    description = "For a PARTY_TRUST question: the parties of the engagement the respondent may "
                            + "rate (never the respondent's own), by name; empty when the questionnaire has none")
            List<PartyView> parties) {}

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "getFeedbackForm",
            summary = "Read a round's form",
            description =
                    "No account: what a respondent's app shows before answering (POST …/responses). The respondent "
                            + "token travels in the Respondent-Token header, never in the URL; PUBLIC rounds take none. The texts come "
                            + "in the first Accept-Language the questionnaire has in full, else in the language it was written in; "
                            + "`language` and Content-Language say which. answerState says whether the token can still answer. "
                            + "Reading spends nothing. A token is refused as a response with it would be: 403 when unknown, 409 when it "
                            + "belongs to another round; 400 when a token is missing, or sent to a PUBLIC round. Unauthenticated: "
                            + "limited per client address and per round (429 with Retry-After).")
    @APIResponse(
            responseCode = "200",
            description = "The form",
            headers =
                    @Header(
                            name = HttpHeaders.CONTENT_LANGUAGE,
                            description = "The language of the texts",
                            schema = @Schema(implementation = String.class, examples = "nl")),
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "403", description = "The respondent token is not valid: unknown")
    @APIResponse(responseCode = "409", description = "The respondent token belongs to another feedback round")
    public Response form(
            @PathParam("roundId") UUID roundId,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The respondent token (from the link's #token=…); absent for PUBLIC rounds",
                            example = "q3J0dW5lLWZvcm0tdG9rZW4tZXhhbXBsZQ")
                    @HeaderParam(FormHeaders.RESPONDENT_TOKEN)
                    @Nullable
                    String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
            @Context HttpServerRequest http) {
        rateLimits.take("round", http, roundId);
        PublicRounds.Facts round =
                publicRounds.of(roundId).orElseThrow(() -> DomainException.notFound("Feedback round", roundId));
        caller.actForTenant(round.tenant());
        FormService.Form form = forms.read(round, token, QuestionnaireView.languages(acceptLanguage));
        FormView view = new FormView(
                FormRound.of(form.round()),
                form.answerState(),
                form.texts().language(),
                form.texts().title(),
                form.texts().questions().stream()
                        .map(FormResource::withoutTranslations)
                        .toList(),
                form.parties().stream()
                        .map(p -> new PartyView(p.id(), p.name()))
                        .toList());
        return Response.ok(view)
                .header(HttpHeaders.CONTENT_LANGUAGE, view.language())
                .build();
    }

    /** The form shows one language; the others stay out of a respondent's answer. */
    private static Question withoutTranslations(Question q) {
        return new Question(
                q.key(), q.text(), q.type(), q.min(), q.max(), q.options(), q.required(), q.dimension(), null);
    }
}
