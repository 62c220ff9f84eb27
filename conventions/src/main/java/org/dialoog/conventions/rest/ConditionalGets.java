package org.dialoog.conventions.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * Conditional GETs on the authenticated API (#18, "dashboards cannot stay current cheaply"): every 200 answer to a GET
 * carries an ETag — the resource's version where it has one (strong), else a digest of the answer (weak) — and
 * {@code Cache-Control: private, no-cache}, so a client may keep it and must ask again; an {@code If-None-Match} that
 * names the current ETag gets 304 without a body. Answers to callers without a token (personal links, public forms)
 * and every other answer stay {@code no-store} ({@link ApiConventions}).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class ConditionalGets implements ContainerResponseFilter {

    /** What authenticated GET answers may be: kept by the client only, and asked for again before each use. */
    public static final String REVALIDATE = "private, no-cache";

    private final ObjectMapper json;

    ConditionalGets(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!"GET".equals(request.getMethod())
                || response.getStatus() != 200
                || !request.getUriInfo().getPath().startsWith(ApiConventions.API_PREFIX)
                || request.getSecurityContext().getUserPrincipal() == null
                || !response.hasEntity()) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            byte[] body = bytesOf(response.getEntity(), response.getMediaType());
            if (body == null) {
                return;
            }
            tag = new EntityTag(digest(body), true);
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove("Link");
        }
    }

    /** The answer's bytes as they will be written: JSON through the application's mapper, text as UTF-8. */
    private byte @Nullable [] bytesOf(Object entity, @Nullable MediaType type) throws JsonProcessingException {
        if (entity instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof byte[] b) {
            return b;
        }
        if (type == null
                || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().endsWith("+json")) {
            return json.writeValueAsBytes(entity);
        }
        return null; // a stream or another body: no ETag, answered in full every time
    }

    /** RFC 9110 13.1.2: weak comparison, a list of tags or {@code *}. */
    static boolean matches(@Nullable String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",", -1)) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.length() >= 2
                    && c.startsWith("\"")
                    && c.endsWith("\"")
                    && c.substring(1, c.length() - 1).equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
