package org.dialoog.engagement;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongSupplier;

import org.dialoog.conventions.domain.DomainException;

/** An engagement's lifecycle: {@code DRAFT → ACTIVE ⇄ PAUSED → CONCLUDED}, and {@code CANCELLED} from any open state. */
public enum EngagementStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    CONCLUDED,
    CANCELLED;

    /** The fewest parties an ACTIVE engagement has: a process with one side is not a dialogue. */
    public static final int MINIMUM_PARTIES_WHEN_ACTIVE = 2;

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

    /**
     * Refuses (409) a move from this status to {@code target} that the lifecycle does not allow, or a move to
     * ACTIVE with fewer than two parties. The parties are counted only for that move, because counting is a query.
     */
    public void requireMoveTo(EngagementStatus target, LongSupplier parties) {
        if (!canMoveTo(target)) {
            throw DomainException.conflict("An engagement cannot move from " + this + " to " + target
                    + (next().isEmpty() ? "; it is closed." : "; allowed from " + this + ": " + next() + "."));
        }
        if (target == ACTIVE) {
            long count = parties.getAsLong();
            if (count < MINIMUM_PARTIES_WHEN_ACTIVE) {
                throw DomainException.conflict("An engagement needs at least two parties before it can become ACTIVE: "
                        + "a process with one side is not a dialogue. It has " + count + ".");
            }
        }
    }

    /** Concluded and cancelled engagements are history: read-only. */
    public boolean isClosed() {
        return this == CONCLUDED || this == CANCELLED;
    }
}
