package org.dialoog.engagement.rest;

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
import jakarta.ws.rs.PUT;
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
import org.dialoog.conventions.rest.QueryTimes;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.service.AgreementDetails;
import org.dialoog.engagement.service.AgreementService;
import org.dialoog.engagement.service.AnswerDetails;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Agreements between the parties of an engagement, and each party's answer (ADR 0010). */
@Path("/api/v1/engagements/{engagementId}/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Agreements",
        description =
                "What the parties agree on: each concerned party consents, consents with a concern, objects "
                        + "(the agreement is amended as a new version) or abstains; carried (gedragen) when every party consents")
public class AgreementResource {

    private final AgreementService service;
    private final IdempotentCreate idempotent;

    AgreementResource(AgreementService service, IdempotentCreate idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "proposeAgreement",
            summary = "Propose an agreement",
            description =
                    "Version 1 of its text goes to each party it concerns (parties of this engagement: 400 naming "
                            + "partyIds[i] otherwise). The engagement must be open (409 when concluded or cancelled). Publishes "
                            + "agreement-proposed.")
    @APIResponse(
            responseCode = "201",
            description = "Proposed; Location names the new agreement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    public Response propose(
            @PathParam("engagementId") UUID engagementId,
            @NotNull @Valid AgreementRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            var r = service.propose(
                    engagementId,
                    new AgreementDetails(request.title(), request.text(), request.sessionId(), request.partyIds()));
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder()
                            .path("api/v1/engagements/{e}/agreements/{a}")
                            .build(engagementId, r.agreement().id),
                    AgreementView.of(r),
                    Long.toString(r.agreement().version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Agreement")
    @Operation(
            operationId = "listAgreements",
            summary = "List an engagement's agreements",
            description = "Oldest first; filter by state.")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public Response list(
            @PathParam("engagementId") UUID engagementId,
            @QueryParam("state") Agreement.State state,
            @QueryParam("updatedSince")
                    @Parameter(description = QueryTimes.UPDATED_SINCE, example = QueryTimes.UPDATED_SINCE_EXAMPLE)
                    @Nullable
                    String updatedSince,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(
                service.list(engagementId, state, QueryTimes.parse("updatedSince", updatedSince), page, pageSize)
                        .map(AgreementView::of),
                uri);
    }

    @GET
    @Path("/{agreementId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(operationId = "getAgreement", summary = "Get an agreement with its versions and answers")
    @APIResponse(
            responseCode = "200",
            description = "The agreement; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    public Response get(@PathParam("engagementId") UUID engagementId, @PathParam("agreementId") UUID agreementId) {
        return ok(service.get(engagementId, agreementId));
    }

    @PUT
    @Path("/{agreementId}/answers/{partyId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "recordAgreementAnswer",
            summary = "Record a party's answer",
            description = "The party's answer to the current text: recorded by a facilitator on the party's behalf "
                    + "(onBehalf), or by the party's own lead when granted RECORD_CONSENT (403 for another party's lead or "
                    + "without that right); a "
                    + "second answer of the same party replaces the first while the agreement is PENDING. reason is "
                    + "required for CONSENT_WITH_CONCERN and OBJECTION (400). 409 when the party is not concerned, when "
                    + "number names an older text, or when the agreement is not PENDING (objected: amend it first; "
                    + "carried or withdrawn: final). If-Match honoured. Publishes agreement-answer-recorded, and "
                    + "agreement-carried when this answer carries it.")
    @APIResponse(
            responseCode = "200",
            description = "The agreement with the answer and its state after it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    public Response answer(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("agreementId") UUID agreementId,
            @PathParam("partyId") UUID partyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AnswerRequest request) {
        return ok(service.answer(
                engagementId,
                agreementId,
                partyId,
                Versions.expected(ifMatch),
                new AnswerDetails(request.decision(), request.reason(), request.number())));
    }

    @POST
    @Path("/{agreementId}/amendments")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "amendAgreement",
            summary = "Amend an agreement",
            description = "A new text as the next version, for a PENDING or OBJECTED agreement (409 once carried or "
                    + "withdrawn). The parties answer it from scratch: their answers were to the old text, which stays "
                    + "in versions. A text equal to the current one is 400. If-Match honoured. Publishes "
                    + "agreement-amended.")
    @APIResponse(
            responseCode = "200",
            description = "The agreement with its new version, PENDING",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    public Response amend(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("agreementId") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AmendmentRequest request) {
        return ok(service.amend(engagementId, agreementId, Versions.expected(ifMatch), request.text(), request.note()));
    }

    @POST
    @Path("/{agreementId}/withdrawal")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "withdrawAgreement",
            summary = "Withdraw an agreement",
            description = "With a reason; it stays in the record as WITHDRAWN (409 when it already is). A carried "
                    + "agreement can be withdrawn too, e.g. when a later agreement replaces it. If-Match honoured. "
                    + "Publishes agreement-withdrawn.")
    @APIResponse(
            responseCode = "200",
            description = "The withdrawn agreement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    public Response withdraw(
            @PathParam("engagementId") UUID engagementId,
            @PathParam("agreementId") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid WithdrawalRequest request) {
        return ok(service.withdraw(engagementId, agreementId, Versions.expected(ifMatch), request.reason()));
    }

    private static Response ok(AgreementService.AgreementRecord r) {
        return Response.ok(AgreementView.of(r))
                .tag(Versions.etag(r.agreement().version))
                .build();
    }
}
