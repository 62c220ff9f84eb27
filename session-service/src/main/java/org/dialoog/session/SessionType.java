package org.dialoog.session;

/** What kind of meeting a session is. */
public enum SessionType {
    INTAKE_INTERVIEW,
    DIALOGUE_SESSION,
    WORKSHOP,
    CITIZEN_EVENING,
    STEERING_GROUP,
    EVALUATION
}
