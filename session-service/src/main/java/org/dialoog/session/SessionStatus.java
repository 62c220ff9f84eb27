package org.dialoog.session;

/** A session is planned, then held (completed) or cancelled. */
public enum SessionStatus {
    PLANNED,
    COMPLETED,
    CANCELLED
}
