package org.dialoog.feedback.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.service.ResponseService;
import org.dialoog.feedback.store.PublicRounds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anonymous responses, with a respondent token or (PUBLIC rounds) without. */
@Path("/api/v1/feedback-rounds/{roundId}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Single-use respondent tokens and anonymous responses")
public class ResponseResource {

    private final ResponseService responses;
    private final PublicRounds publicRounds;
    private final Caller caller;
    private final RateLimits rateLimits;

    ResponseResource(ResponseService responses, PublicRounds publicRounds, Caller caller, RateLimits rateLimits) {
        this.responses = responses;
        this.publicRounds = publicRounds;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    /** Answers by question key: a number for SCALE, an option for SINGLE_CHOICE, a list for MULTIPLE_CHOICE, text for TEXT. */
    @Schema(name = "ResponseRequest")
    public record ResponseRequest(
            @Size(max = 100) @Schema(description = "The respondent token; absent for PUBLIC rounds")
            String token,

            @NotNull
            @Size(max = 200)
            @Schema(
                    type = SchemaType.OBJECT,
                    additionalProperties = AnswerValue.class,
                    examples = "{\"trust\": 4, \"voice\": 5, \"remarks\": \"Goed gesprek.\"}")
            Map<String, JsonNode> answers) {}

    /** What one answer may be; for the document only (the service reads any JSON value and checks it per question). */
    @Schema(
            name = "AnswerValue",
            description =
                    "A whole number (SCALE), an option key (SINGLE_CHOICE) or text (TEXT), or a list of option keys (MULTIPLE_CHOICE)",
            anyOf = {Long.class, String.class, String[].class})
    interface AnswerValue {}

    /** The receipt of a response; it names nothing that could identify the respondent. */
    @Schema(name = "ResponseReceipt")
    public record Receipt(
            UUID roundId, @Schema(examples = "RECEIVED") String status) {}

    @POST
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "submitResponse",
            summary = "Respond",
            description =
                    "No account: a token (not for PUBLIC rounds) is the credential. Every answer is "
                            + "checked against its question (type, range, options, required); the 400 names every bad answer and spends nothing. "
                            + "A token works once (409 the second time), only for its round (409), and only while the round is open (409 with "
                            + "the reason). The response keeps the respondent's party and never the participant or the token. Text answers of "
                            + "PUBLIC rounds wait for moderation. Unauthenticated: limited per client address and per round (429 with Retry-After).")
    @APIResponse(
            responseCode = "403",
            description = "The respondent token is not valid: unknown, for another round, or this round takes none")
    @APIResponse(
            responseCode = "201",
            description = "Received",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    public Response respond(
            @PathParam("roundId") UUID roundId,
            @NotNull @Valid ResponseRequest request,
            @Context HttpServerRequest http) {
        rateLimits.take("round", http, roundId);
        PublicRounds.Facts round =
                publicRounds.of(roundId).orElseThrow(() -> DomainException.notFound("Feedback round", roundId));
        caller.actForTenant(round.tenant());
        responses.submit(round, request.token(), request.answers());
        return Response.status(Response.Status.CREATED)
                .entity(new Receipt(roundId, "RECEIVED"))
                .build();
    }
}
