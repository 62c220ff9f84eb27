package org.dialoog.session.events;

/** The topics and CloudEvents types session-service publishes and reads; documented in {@code docs/events.md}. */
public final class EventTypes {

    /** Where session-service publishes; key = engagement id. */
    public static final String TOPIC = "dialoog.sessions";

    private static final String PREFIX = "nl.dialoog.session.";

    public static final String SESSION_SCHEDULED = PREFIX + "session-scheduled.v1";
    public static final String SESSION_RESCHEDULED = PREFIX + "session-rescheduled.v1";
    public static final String SESSION_CANCELLED = PREFIX + "session-cancelled.v1";
    public static final String SESSION_COMPLETED = PREFIX + "session-completed.v1";
    public static final String INVITATION_RESPONDED = PREFIX + "invitation-responded.v1";
    public static final String SESSION_OUTCOME_RECORDED = PREFIX + "session-outcome-recorded.v1";

    /** Read from engagement-service. */
    public static final class Engagement {
        private static final String P = "nl.dialoog.engagement.";
        public static final String CREATED = P + "engagement-created.v1";
        public static final String UPDATED = P + "engagement-updated.v1";
        public static final String STATUS_CHANGED = P + "engagement-status-changed.v1";
        public static final String DELETED = P + "engagement-deleted.v1";
        public static final String PARTY_ADDED = P + "party-added.v1";
        public static final String PARTY_UPDATED = P + "party-updated.v1";
        public static final String PARTY_REMOVED = P + "party-removed.v1";
        public static final String PARTICIPANT_ADDED = P + "participant-added.v1";
        public static final String PARTICIPANT_UPDATED = P + "participant-updated.v1";
        public static final String PARTICIPANT_REMOVED = P + "participant-removed.v1";
        public static final String PARTY_LEAD_GRANTED = P + "party-lead-granted.v1";
        public static final String PARTY_LEAD_UPDATED = P + "party-lead-updated.v1";
        public static final String PARTY_LEAD_REVOKED = P + "party-lead-revoked.v1";

        private Engagement() {}
    }

    private EventTypes() {}
}
