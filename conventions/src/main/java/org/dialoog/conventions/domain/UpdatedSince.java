package org.dialoog.conventions.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The {@code updatedSince} filter of the lists a dashboard polls: only what changed strictly after that moment. */
public final class UpdatedSince {

    private UpdatedSince() {}

    /** Adds {@code updatedAt > :updatedSince} when {@code since} is given; nothing otherwise. */
    public static void restrict(List<String> where, Map<String, Object> params, @Nullable OffsetDateTime since) {
        if (since != null) {
            where.add("updatedAt > :updatedSince");
            params.put("updatedSince", since);
        }
    }
}
