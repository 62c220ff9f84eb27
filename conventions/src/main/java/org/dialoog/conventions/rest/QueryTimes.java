package org.dialoog.conventions.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.dialoog.conventions.domain.DomainException;
import org.jspecify.annotations.Nullable;

/** Reads timestamp query parameters (from, to, updatedSince): ISO 8601 with offset, or a 400 problem naming the parameter. */
public final class QueryTimes {

    /** The description of every list's {@code updatedSince} parameter. */
    public static final String UPDATED_SINCE =
            "Only the items whose updatedAt is strictly after this moment (ISO 8601 with "
                    + "offset), so a dashboard fetches just what changed. Pass the largest updatedAt you have seen, not your own "
                    + "clock. A deleted item does not appear, and an item that only became visible to the caller (a new "
                    + "grant) keeps its older updatedAt: after such a change, read the whole list once.";

    /** An example of an {@code updatedSince} value. */
    public static final String UPDATED_SINCE_EXAMPLE = "2026-03-01T10:00:00Z";

    private QueryTimes() {}

    public static @Nullable OffsetDateTime parse(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // a '+' that arrived unencoded in a query string reads as a space
            return OffsetDateTime.parse(value.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    name, "must be an ISO 8601 timestamp with offset, for example 2026-03-12T19:30:00+01:00");
        }
    }
}
