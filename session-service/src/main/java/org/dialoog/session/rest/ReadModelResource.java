package org.dialoog.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dialoog.conventions.security.Caller;
import org.dialoog.session.messaging.ReadModelRebuild;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators rebuild this service's read models from the event topics. */
@Path("/api/v1/read-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters and read models")
@RolesAllowed(Caller.ADMIN)
public class ReadModelResource {

    /** What a rebuild started. */
    @Schema(name = "Rebuild")
    public record RebuildView(@Schema(examples = "6") int partitionsRewound) {}

    private final ReadModelRebuild rebuild;

    ReadModelResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/engagements/rebuild")
    @Operation(
            operationId = "rebuildEngagementReadModel",
            summary = "Rebuild the engagement read model",
            description =
                    "Drops the tenant's copy of its engagements and replays the engagement topic from the start on this instance's partitions. Answers 202 at once; the model fills up again within seconds.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the replay has started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildView.class)))
    public Response rebuildEngagements() {
        return Response.accepted(new RebuildView(rebuild.rebuildEngagements().size()))
                .build();
    }
}
