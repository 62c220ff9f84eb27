package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a list of action items may be narrowed to; every field is optional. {@code overdue} true keeps
 * the open actions whose due date has passed, false those that are not overdue; {@code updatedSince} those
 * changed strictly after that moment.
 */
public record ActionFilter(
        @Nullable UUID engagementId,
        @Nullable UUID sessionId,
        @Nullable ActionStatus status,
        @Nullable Boolean overdue,
        @Nullable UUID ownerPartyId,
        @Nullable OffsetDateTime updatedSince) {}
