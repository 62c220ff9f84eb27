package org.dialoog.engagement;

/** What kind of process an engagement is. */
public enum EngagementKind {
    PROCESS_FACILITATION,
    CITIZEN_PARTICIPATION
}
