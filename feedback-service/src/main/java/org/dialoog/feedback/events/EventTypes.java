package org.dialoog.feedback.events;

/** The topics and CloudEvents types feedback-service publishes; documented in {@code docs/events.md}. */
public final class EventTypes {

    /** Where feedback-service publishes; key = engagement id. */
    public static final String TOPIC = "dialoog.feedback";

    private static final String PREFIX = "nl.dialoog.feedback.";

    public static final String ROUND_OPENED = PREFIX + "feedback-round-opened.v1";
    public static final String ROUND_CLOSED = PREFIX + "feedback-round-closed.v1";
    public static final String RESULTS_UPDATED = PREFIX + "feedback-results-updated.v1";

    private EventTypes() {}
}
