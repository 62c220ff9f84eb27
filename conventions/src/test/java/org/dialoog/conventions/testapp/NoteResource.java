package org.dialoog.conventions.testapp;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.MergePatch;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Notes: one resource that uses every API convention, the way a service's resource does. */
@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
public class NoteResource {

    static final String NOTE_CHANGED = "nl.dialoog.test.note-changed.v1";

    private final IdempotentCreate idempotent;
    private final MergePatch mergePatch;
    private final Outbox outbox;

    NoteResource(IdempotentCreate idempotent, MergePatch mergePatch, Outbox outbox) {
        this.idempotent = idempotent;
        this.mergePatch = mergePatch;
        this.outbox = outbox;
    }

    @POST
    @Operation(operationId = "createNote", summary = "Create a note")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)))
    public Response create(
            @NotNull @Valid NoteRequest request,
            @HeaderParam(IdempotentCreate.HEADER) String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            Note n = new Note();
            n.id = UUID.randomUUID();
            n.title = request.title();
            n.body = request.body();
            n.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            n.persist();
            outbox.record(NOTE_CHANGED, n.id, n.id, Map.of("noteId", n.id, "title", n.title));
            return new IdempotentCreate.Created(
                    uri.getAbsolutePathBuilder().path(n.id.toString()).build(),
                    NoteView.of(n),
                    Long.toString(n.version));
        });
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Extension(name = OpenApiConventions.PAGE_OF, value = "NoteView")
    @Operation(operationId = "listNotes", summary = "List notes")
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100_000) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        var query = q == null
                ? Note.<Note>findAll(Sort.by("createdAt").and("id"))
                : Note.<Note>find("title like ?1", Sort.by("createdAt").and("id"), "%" + q + "%");
        var items = query.page(io.quarkus.panache.common.Page.of(page - 1, pageSize))
                .list();
        return Pages.ok(new Paging.Page<>(items, page, pageSize, query.count()).map(NoteView::of), uri);
    }

    @GET
    @Path("/{noteId}")
    @Operation(operationId = "getNote", summary = "Get a note")
    @APIResponse(
            responseCode = "200",
            description = "The note",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)))
    public Response get(@PathParam("noteId") UUID id) {
        Note n = find(id);
        return Response.ok(NoteView.of(n)).tag(Versions.etag(n.version)).build();
    }

    @PATCH
    @Path("/{noteId}")
    @Extension(name = OpenApiConventions.MERGE_PATCH_OF, value = "NoteRequest")
    @Operation(operationId = "updateNote", summary = "Change a note")
    @APIResponse(
            responseCode = "200",
            description = "The changed note",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)))
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Transactional
    public Response patch(
            @PathParam("noteId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        Note n = find(id);
        NoteRequest changed = mergePatch.apply(new NoteRequest(n.title, n.body, null), patch, NoteRequest.class);
        Long expected = Versions.expected(ifMatch);
        if (expected != null && expected != n.version) {
            throw DomainException.staleVersion(expected, n.version);
        }
        n.title = changed.title();
        n.body = changed.body();
        outbox.record(NOTE_CHANGED, n.id, n.id, Map.of("noteId", n.id, "title", n.title));
        Note.getEntityManager().flush();
        return Response.ok(NoteView.of(n)).tag(Versions.etag(n.version)).build();
    }

    private static Note find(UUID id) {
        return Note.<Note>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Note", id));
    }
}
