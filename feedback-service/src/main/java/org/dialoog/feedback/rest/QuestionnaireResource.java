package org.dialoog.feedback.rest;

import java.util.List;
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
import jakarta.ws.rs.PATCH;
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

import com.fasterxml.jackson.databind.JsonNode;
import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.MergePatch;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.service.QuestionnaireContent;
import org.dialoog.feedback.service.QuestionnaireService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Questionnaires, including the two built-in ones every tenant has. */
@Path("/api/v1/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires", description = "Questions, each tied to a dimension; versioned once a round uses them")
public class QuestionnaireResource {

    private final QuestionnaireService service;
    private final IdempotentCreate idempotent;
    private final MergePatch mergePatch;

    QuestionnaireResource(QuestionnaireService service, IdempotentCreate idempotent, MergePatch mergePatch) {
        this.service = service;
        this.idempotent = idempotent;
        this.mergePatch = mergePatch;
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "createQuestionnaire",
            summary = "Create a questionnaire",
            description = "Only SCALE questions measure a dimension; give `translations` "
                    + "per question (and `titleTranslations`) to serve other languages through Accept-Language.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionnaireView.class)))
    public Response create(
            @NotNull @Valid QuestionnaireRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Questionnaire q = service.create(content(request));
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder().path("api/v1/questionnaires/{id}").build(q.id),
                    QuestionnaireView.of(q, QuestionnaireView.languages(language)),
                    Long.toString(q.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Questionnaire")
    @Operation(
            operationId = "listQuestionnaires",
            summary = "List questionnaires",
            description = "The built-in ones (session-evaluation, trust-pulse) first, then "
                    + "newest first; superseded versions only with includeSuperseded=true. Texts in the Accept-Language where translated "
                    + "(built-ins: nl, en; default nl).")
    public Response list(
            @QueryParam("purpose") Questionnaire.Purpose purpose,
            @QueryParam("includeSuperseded") @DefaultValue("false") boolean includeSuperseded,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @Context UriInfo uri) {
        List<String> lang = QuestionnaireView.languages(language);
        return Pages.ok(
                service.list(purpose, includeSuperseded, page, pageSize).map(q -> QuestionnaireView.of(q, lang)), uri);
    }

    @GET
    @Path("/{questionnaireId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getQuestionnaire",
            summary = "Get a questionnaire",
            description = "Texts in the Accept-Language where translated.")
    @APIResponse(
            responseCode = "200",
            description = "The questionnaire",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionnaireView.class)))
    public Response get(
            @PathParam("questionnaireId") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Questionnaire q = service.find(id);
        return Response.ok(QuestionnaireView.of(q, QuestionnaireView.languages(language)))
                .tag(Versions.etag(q.version))
                .build();
    }

    @PATCH
    @Path("/{questionnaireId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "QuestionnaireRequest")
    @Operation(
            operationId = "updateQuestionnaire",
            summary = "Change a questionnaire",
            description = "JSON merge patch (RFC 7396) of QuestionnaireRequest. A questionnaire "
                    + "no round has used changes in place (200). A frozen one (used by a round, and the built-ins) stays as it is: the "
                    + "change becomes a new version in the same family (201, Location names it; the old one lists it as supersededBy). "
                    + "A superseded version cannot change (409).")
    @APIResponse(
            responseCode = "200",
            description = "Changed in place",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionnaireView.class)))
    @APIResponse(
            responseCode = "201",
            description = "A new version; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionnaireView.class)))
    public Response patch(
            @PathParam("questionnaireId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @Context UriInfo uri) {
        Long expected = Versions.expected(ifMatch);
        QuestionnaireRequest changed =
                mergePatch.apply(QuestionnaireView.editable(service.find(id)), patch, QuestionnaireRequest.class);
        var result = service.update(id, expected, content(changed));
        Questionnaire q = result.questionnaire();
        QuestionnaireView view = QuestionnaireView.of(q, QuestionnaireView.languages(language));
        return (result.newVersion()
                        ? Response.created(uri.getBaseUriBuilder()
                                        .path("api/v1/questionnaires/{id}")
                                        .build(q.id))
                                .entity(view)
                        : Response.ok(view))
                .tag(Versions.etag(q.version))
                .build();
    }

    private static QuestionnaireContent content(QuestionnaireRequest r) {
        return new QuestionnaireContent(r.title(), r.purpose(), r.questions(), r.titleTranslations());
    }
}
