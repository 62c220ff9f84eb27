package org.dialoog.conventions.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.messaging.DeadLetter;
import org.dialoog.conventions.messaging.DeadLetters;
import org.dialoog.conventions.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Operators' view of the events this service could not apply. */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters and read models")
@RolesAllowed(Caller.ADMIN)
public class DeadLetterResource {

    /** A dead letter as the API shows it. */
    @Schema(name = "DeadLetter")
    public record DeadLetterView(
            UUID id,
            @Schema(nullable = true) @Nullable String eventId,
            @Schema(nullable = true) @Nullable String eventType,
            @Schema(nullable = true) @Nullable String originalTopic,
            @Schema(nullable = true) @Nullable Integer originalPartition,
            @Schema(nullable = true) @Nullable Long originalOffset,
            String reason,
            @Schema(nullable = true) @Nullable String key,
            @Schema(nullable = true) @Nullable String value,
            OffsetDateTime deadLetteredAt,
            @Schema(nullable = true) @Nullable OffsetDateTime replayedAt) {
        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(
                    d.id,
                    d.eventId,
                    d.eventType,
                    d.originalTopic,
                    d.originalPartition,
                    d.originalOffset,
                    d.reason,
                    d.recordKey,
                    d.recordValue,
                    d.deadLetteredAt,
                    d.replayedAt);
        }
    }

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Extension(name = OpenApiConventions.PAGE_OF, value = "DeadLetter")
    @Operation(
            operationId = "listDeadLetters",
            summary = "List dead letters",
            description =
                    "Events of the caller's tenant that a consumer gave up on; newest first. Replayed ones only with includeReplayed=true.")
    public Response list(
            @QueryParam("includeReplayed") @DefaultValue("false") boolean includeReplayed,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(deadLetters.list(includeReplayed, page, pageSize).map(DeadLetterView::of), uri);
    }

    @GET
    @Path("/{deadLetterId}")
    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter")
    public DeadLetterView get(@PathParam("deadLetterId") UUID id) {
        return DeadLetterView.of(deadLetters.find(id).orElseThrow(() -> DomainException.notFound("Dead letter", id)));
    }

    @POST
    @Path("/{deadLetterId}/replay")
    @Operation(
            operationId = "replayDeadLetter",
            summary = "Replay a dead letter",
            description =
                    "Puts the original event back on its topic with its original id; consumers that applied it already skip it.")
    public DeadLetterView replay(@PathParam("deadLetterId") UUID id) {
        return DeadLetterView.of(deadLetters.replay(id));
    }
}
