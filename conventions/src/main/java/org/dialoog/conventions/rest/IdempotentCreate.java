package org.dialoog.conventions.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dialoog.conventions.domain.DomainException;

/**
 * Creating requests with an {@code Idempotency-Key}: the key is claimed in the same transaction
 * as the create, so the same key and body replay the first answer and never create twice.
 */
@ApplicationScoped
public class IdempotentCreate {

    public static final String HEADER = "Idempotency-Key";

    /** What a create produced: where it lives and what to answer. */
    public record Created(URI location, Object body, String etag) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    IdempotentCreate(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public Response create(String key, Object request, Supplier<Created> action) {
        if (key == null) {
            return answer(action.get());
        }
        if (key.isBlank() || key.length() > 200) {
            throw DomainException.invalid(HEADER, "must be 1 to 200 characters");
        }
        String hash = hash(request);
        IdempotencyRecord earlier = em.find(IdempotencyRecord.class, key);
        if (earlier != null) {
            if (!earlier.requestHash.equals(hash)) {
                throw new DomainException(422, "Idempotency-Key reused",
                        "Idempotency-Key '" + key + "' was used before with a different request body.");
            }
            return Response.status(earlier.status).location(URI.create(earlier.location))
                    .type(MediaType.APPLICATION_JSON).entity(earlier.responseBody)
                    .header("Idempotent-Replayed", "true").build();
        }
        IdempotencyRecord claim = new IdempotencyRecord();
        claim.key = key;
        claim.requestHash = hash;
        claim.status = 201;
        claim.location = "";
        claim.responseBody = "";
        claim.createdAt = OffsetDateTime.now();
        try {
            em.persist(claim);
            em.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("A request with Idempotency-Key '" + key + "' is being processed; retry it shortly.");
        }
        Created created = action.get();
        claim.location = created.location().toString();
        claim.responseBody = write(created.body());
        return answer(created);
    }

    private Response answer(Created created) {
        Response.ResponseBuilder b = Response.created(created.location()).entity(created.body());
        if (created.etag() != null) {
            b.tag(created.etag());
        }
        return b.build();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
