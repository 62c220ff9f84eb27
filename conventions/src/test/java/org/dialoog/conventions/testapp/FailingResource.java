package org.dialoog.conventions.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** An endpoint with a bug, to see what a caller gets from an unexpected exception. */
@Path("/api/v1/test-only/failures")
public class FailingResource {

    @GET
    @RolesAllowed("admin")
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("secret detail: select * from note where tenant = 'demo'");
    }
}
