package org.dialoog.engagement;

import java.util.EnumSet;
import java.util.Set;

/** An engagement's lifecycle: {@code DRAFT → ACTIVE ⇄ PAUSED → CONCLUDED}, and {@code CANCELLED} from any open state. */
public enum EngagementStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    CONCLUDED,
    CANCELLED;

    /** The statuses this one may move to. */
    public Set<EngagementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(PAUSED, CONCLUDED, CANCELLED);
            case PAUSED -> EnumSet.of(ACTIVE, CONCLUDED, CANCELLED);
            case CONCLUDED, CANCELLED -> EnumSet.noneOf(EngagementStatus.class);
        };
    }

    public boolean canMoveTo(EngagementStatus target) {
        return next().contains(target);
    }

    /** Concluded and cancelled engagements are history: read-only. */
    public boolean isClosed() {
        return this == CONCLUDED || this == CANCELLED;
    }
}
