package org.dialoog.engagement.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.service.Bridges;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which parties of an engagement met at the same table (issue #19). */
@Path("/api/v1/engagements/{engagementId}/bridges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bridges", description = "Which parties sat at the same table, how often and how recently: counts only")
public class BridgeResource {

    private final Bridges bridges;

    BridgeResource(Bridges bridges) {
        this.bridges = bridges;
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION})
    @Operation(
            operationId = "getBridges",
            summary = "The party × party matrix of an engagement",
            description = "From the attendance of every held session (session-service's SessionCompleted, followed "
                    + "within about a second): per party the sessions it attended, and for every pair of current "
                    + "parties how many held sessions both attended and when the latest started. Counts only: "
                    + "engagement-service keeps how many people of each party were present, never who. Sessions "
                    + "completed before this view existed count in sessionsHeld but not per party.")
    public Bridges.Matrix bridges(@PathParam("engagementId") UUID engagementId) {
        return bridges.of(engagementId);
    }
}
