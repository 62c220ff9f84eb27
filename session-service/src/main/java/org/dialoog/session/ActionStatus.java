package org.dialoog.session;

/** Where an action item of a session outcome stands: open until it is done, or dropped. */
public enum ActionStatus {
    OPEN,
    DONE,
    DROPPED
}
