package org.dialoog.conventions.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.security.Caller;
import org.dialoog.conventions.security.TenantResolverForHibernate;
import org.jspecify.annotations.Nullable;

/**
 * Creating requests with an {@code Idempotency-Key}: the key is claimed in the same transaction
 * as the create, so the same key and body replay the first answer and never create twice.
 */
@ApplicationScoped
public class IdempotentCreate {

    public static final String HEADER = "Idempotency-Key";

    /** What a create produced; {@code etag} is null for a result without a version of its own (an import). */
    public record Created(
            URI location, Object body, @Nullable String etag) {}

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;

    IdempotentCreate(EntityManager em, ObjectMapper json, Caller caller) {
        this.em = em;
        this.json = json;
        this.caller = caller;
    }

    @Transactional
    public Response create(@Nullable String key, Object request, Supplier<Created> action) {
        if (key == null) {
            return answer(action.get());
        }
        if (key.isBlank() || key.length() > 200) {
            throw DomainException.invalid(HEADER, "must be 1 to 200 characters");
        }
        // Keys are the caller's own: two tenants, or two users of one tenant, may well pick the same
        // one, and must neither see each other's answers nor learn that the key was taken. Plain SQL
        // rather than an entity, because an entity's identity would be the key alone.
        String tenant = caller.tenant().orElse(TenantResolverForHibernate.NO_TENANT);
        String user = caller.userId();
        if (user.length() > 255) {
            user = "sha256:" + sha256(user); // an identity provider's long subject still fits the column
        }
        String hash = hash(request);
        List<?> earlier = em.createNativeQuery("""
                select request_hash, status, location, response_body from idempotency_record
                where tenant = ?1 and caller = ?2 and idempotency_key = ?3""")
                .setParameter(1, tenant)
                .setParameter(2, user)
                .setParameter(3, key)
                .getResultList();
        if (!earlier.isEmpty()) {
            Object[] row = (Object[]) earlier.get(0);
            if (!hash.equals(row[0])) {
                throw new DomainException(
                        422,
                        "Idempotency-Key reused",
                        "You used this Idempotency-Key before with a different request body; use a new key for a new request.");
            }
            return Response.status(((Number) row[1]).intValue())
                    .location(URI.create((String) row[2]))
                    .type(MediaType.APPLICATION_JSON)
                    .entity(row[3])
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        int claimed = em.createNativeQuery("""
                insert into idempotency_record (tenant, caller, idempotency_key, request_hash, status, location, response_body, created_at)
                values (?1, ?2, ?3, ?4, 201, '', '', ?5) on conflict do nothing""")
                .setParameter(1, tenant)
                .setParameter(2, user)
                .setParameter(3, key)
                .setParameter(4, hash)
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (claimed == 0) {
            throw DomainException.conflict(
                    "Your request with this Idempotency-Key is still being processed; retry it shortly.");
        }
        Created created = action.get();
        em.createNativeQuery("""
                update idempotency_record set location = ?4, response_body = ?5
                where tenant = ?1 and caller = ?2 and idempotency_key = ?3""")
                .setParameter(1, tenant)
                .setParameter(2, user)
                .setParameter(3, key)
                .setParameter(4, created.location().toString())
                .setParameter(5, write(created.body()))
                .executeUpdate();
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
        return sha256(write(request));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
