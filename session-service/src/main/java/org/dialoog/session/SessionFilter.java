package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a list of sessions may be narrowed to; every field is optional. {@code updatedSince} keeps the sessions
 * changed strictly after that moment.
 */
public record SessionFilter(
        @Nullable UUID engagementId,
        @Nullable OffsetDateTime from,
        @Nullable OffsetDateTime to,
        @Nullable SessionType type,
        @Nullable SessionStatus status,
        @Nullable String facilitator,
        @Nullable OffsetDateTime updatedSince) {}
