package org.dialoog.session;

/** A session is planned, then held (completed) or cancelled. */
public enum SessionStatus {
    PLANNED,
    COMPLETED,
    CANCELLED;

    /** Whether a session in this status may move to {@code next}: only a planned session is completed or cancelled. */
    public boolean canMoveTo(SessionStatus next) {
        return this == PLANNED && next != PLANNED;
    }
}
