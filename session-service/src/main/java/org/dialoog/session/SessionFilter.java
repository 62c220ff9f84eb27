package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a list of sessions may be narrowed to; every field is optional. */
public record SessionFilter(
        UUID engagementId,
        OffsetDateTime from,
        OffsetDateTime to,
        SessionType type,
        SessionStatus status,
        String facilitator) {}
