package org.dialoog.engagement;

/** The filters and sort order of the engagement list; every field is optional. */
public record EngagementQuery(
        EngagementStatus status,
        EngagementKind kind,
        Phase phase,
        Objective objective,
        String facilitator,
        String text,
        String sort) {}
