package org.dialoog.conventions.rest;

import jakarta.ws.rs.core.EntityTag;

import org.dialoog.conventions.domain.DomainException;
import org.jspecify.annotations.Nullable;

/** Optimistic concurrency over HTTP: a resource's {@code version} is its strong ETag, and If-Match names it. */
public final class Versions {

    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header demands, or null when the client sent none (or {@code *}). */
    public static @Nullable Long expected(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new DomainException(
                    412, "Precondition failed", "If-Match " + ifMatch + " names no version of this resource.");
        }
    }
}
