package org.dialoog.engagement;

import org.dialoog.conventions.domain.DomainException;
import org.jspecify.annotations.Nullable;

/** The phases of organisational dialogue, in their forward order. */
public enum Phase {
    EXPLORATION,
    DIALOGUE,
    CONVERGENCE,
    HANDOVER;

    /** Whether this phase comes earlier in the dialogue than {@code other}. */
    public boolean isBefore(Phase other) {
        return compareTo(other) < 0;
    }

    /**
     * Refuses a move to the phase the engagement is already in (409), and a move back without a note (400 on
     * {@code note}): going back is allowed, but the history must say why. Forward moves may skip phases.
     */
    public void requireMoveTo(Phase target, @Nullable String note) {
        if (target == this) {
            throw DomainException.conflict("The engagement is already in phase " + target + ".");
        }
        if (target.isBefore(this) && (note == null || note.isBlank())) {
            throw DomainException.invalid(
                    "note", "going back from " + this + " to " + target + " needs a note saying why");
        }
    }
}
