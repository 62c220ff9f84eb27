package org.dialoog.conventions.testapp;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Failures that carry personal data, to see that none of it reaches the log. */
@Path("/api/v1/test-only/leaks")
public class LeakResource {

    private final EntityManager em;

    LeakResource(EntityManager em) {
        this.em = em;
    }

    /** A note without a title: PostgreSQL refuses the row, and would quote all of it back, text included. */
    @POST
    @Path("/failing-insert")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed("admin")
    @Operation(hidden = true)
    @Transactional
    public void failingInsert(String text) {
        em.createNativeQuery("""
                insert into note (id, tenant, title, body, version, created_at)
                values (?1, ?2, null, ?3, 0, now())""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, Api.TENANT)
                .setParameter(3, text)
                .executeUpdate();
    }

    /** What a driver that quotes values back would throw: the log filter must take the address out. */
    @POST
    @Path("/quoted-values")
    @RolesAllowed("admin")
    @Operation(hidden = true)
    public void quotedValues(@QueryParam("email") String email) {
        throw new IllegalStateException(
                "ERROR: duplicate key value violates unique constraint \"registration_email_once\"\n  Detail: Key (email)=("
                        + email + ") already exists.",
                new IllegalArgumentException("address " + email + " seen twice"));
    }
}
