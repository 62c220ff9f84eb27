package org.dialoog.engagement;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The filters and sort order of the engagement list; every field is optional. {@code updatedSince} keeps the
 * engagements changed strictly after that moment.
 */
public record EngagementQuery(
        EngagementStatus status,
        EngagementKind kind,
        Phase phase,
        Objective objective,
        String facilitator,
        String text,
        String sort,
        @Nullable OffsetDateTime updatedSince) {}
