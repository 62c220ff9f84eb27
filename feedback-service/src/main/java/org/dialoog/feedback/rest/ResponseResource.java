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

    /**
     * Answers by question key: a number for SCALE, an option for SINGLE_CHOICE, a list for
     * MULTIPLE_CHOICE, text for TEXT, an object from party id to number for PARTY_TRUST.
     */
    @Schema(name = "ResponseRequest")
    public record ResponseRequest(
            @Size(max = 100) @Schema(description = "The respondent token; absent for PUBLIC rounds")
            String token,

            @NotNull
            @Size(max = 200)
            @Schema(
                    type = SchemaType.OBJECT,
                    additionalProperties = AnswerValue.class,
                    examples = "{\"trust\": 4, \"voice\": 5, \"remarks\": \"Goed gesprek.\", "
                            + "\"trustInParties\": {\"8d0f6c1e-2b7a-4c3d-9e5f-1a2b3c4d5e6f\": 4}}")
            Map<String, JsonNode> answers) {}

    /** What one answer may be; for the document only (the service reads any JSON value and checks it per question). */
    @Schema(
            name = "AnswerValue",
            description =
                    "A whole number (SCALE), an option key (SINGLE_CHOICE) or text (TEXT), a list of option keys "
                            + "(MULTIPLE_CHOICE), or a whole number per other party of the engagement by party id (PARTY_TRUST)",
            anyOf = {Long.class, String.class, String[].class, PartyRatings.class})
    interface AnswerValue {}

    /** A PARTY_TRUST answer; for the document only. */
    @Schema(
            name = "PartyRatings",
            description =
                    "A PARTY_TRUST answer: party id → a whole number from the question's min to max, for parties of "
                            + "the engagement other than the respondent's own (a party the respondent cannot judge is left out). "
                            + "A bad entry is named in invalidParams as answers.<key>.<partyId>.",
            type = SchemaType.OBJECT,
            additionalProperties = Long.class,
            examples = "{\"8d0f6c1e-2b7a-4c3d-9e5f-1a2b3c4d5e6f\": 4, \"1c9e7b2a-5d4f-4e3a-8b6c-0f1e2d3c4b5a\": 2}")
    interface PartyRatings {}

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
                            + "checked against its question (type, range, options, required; for PARTY_TRUST the parties of the engagement "
                            + "other than the respondent's own); the 400 names every bad answer and spends nothing. "
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
