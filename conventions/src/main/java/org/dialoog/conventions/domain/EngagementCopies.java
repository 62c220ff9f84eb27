package org.dialoog.conventions.domain;

import java.util.UUID;

/**
 * The answers a service gives from its copy of engagement-service's engagements, which trails the source by the time
 * an event takes (usually well under a second): "not yet known" where the copy may be behind (409 of type
 * {@link DomainException#NOT_YET_KNOWN} with Retry-After), a plain refusal where it cannot be.
 */
public final class EngagementCopies {

    /** How long a client waits before asking again when the copy may be behind. */
    public static final long RETRY_AFTER_SECONDS = 1;

    private EngagementCopies() {}

    /**
     * The engagement is unknown here (or not the caller's, which answers the same so ids do not leak): a new one may
     * still be on its way, or the id is wrong; this service cannot tell.
     */
    public static DomainException unknown(UUID engagementId, String field, String service, String purpose) {
        return DomainException.notYetKnown(
                field,
                "Engagement " + engagementId + " is not known here (yet). A new engagement reaches " + service
                        + " within a second of its creation: retry after " + RETRY_AFTER_SECONDS + " s. An id that "
                        + "stays unknown is not an engagement you may " + purpose + ".",
                RETRY_AFTER_SECONDS);
    }

    /**
     * The copy's status must be ACTIVE. DRAFT may be behind an activation made a moment ago: "not yet known"; any
     * other status is a refusal (409).
     */
    public static void requireActive(UUID engagementId, String status, String rule) {
        if ("ACTIVE".equals(status)) {
            return;
        }
        if ("DRAFT".equals(status)) {
            throw DomainException.notYetKnown(
                    "engagementId",
                    "Engagement " + engagementId + " is DRAFT here; " + rule + ". If it was activated a moment ago, "
                            + "the activation is on its way: retry after " + RETRY_AFTER_SECONDS + " s.",
                    RETRY_AFTER_SECONDS);
        }
        throw DomainException.conflict("Engagement " + engagementId + " is " + status + "; " + rule + ".");
    }
}
