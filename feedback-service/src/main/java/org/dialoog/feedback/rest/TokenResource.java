package org.dialoog.feedback.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.service.TokenService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Single-use respondent tokens for a round's audience. */
@Path("/api/v1/feedback-rounds/{roundId}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses")
public class TokenResource {

    private final TokenService tokens;

    TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    /** One token for one participant, to hand over once. */
    @Schema(name = "RespondentToken")
    public record TokenView(
            UUID participantId,

            @Schema(description = "Shown once; only its hash is stored")
            String token) {}

    /** Tokens issued now, and how many eligible participants already had one. */
    @Schema(name = "RespondentTokens")
    public record TokensView(List<TokenView> issued, long alreadyIssued) {}

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "issueRespondentTokens",
            summary = "Issue respondent tokens",
            description = "One single-use token per eligible participant who has none yet: "
                    + "the attendees of the round's session (ATTENDEES) or all current participants of the engagement (PARTICIPANTS). "
                    + "Returned once, with the participant id, for a frontend to send; stored only as a hash, in a table that cannot be "
                    + "joined to who received it. A lost token cannot be re-issued. PUBLIC rounds need no tokens (409). "
                    + "For a MAIL round this is hand distribution next to the mail: those already mailed have a token and "
                    + "are skipped (alreadyIssued), those issued here before the round opens are not mailed.")
    @APIResponse(
            responseCode = "200",
            description = "The new tokens",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokensView.class)))
    public TokensView issue(@PathParam("roundId") UUID roundId) {
        var issue = tokens.issue(roundId);
        return new TokensView(
                issue.issued().stream()
                        .map(t -> new TokenView(t.participantId(), t.token()))
                        .toList(),
                issue.alreadyIssued());
    }
}
