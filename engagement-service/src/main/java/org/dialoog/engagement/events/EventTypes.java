package org.dialoog.engagement.events;

/** The topics and CloudEvents types of engagement-service; documented in {@code docs/events.md}. */
public final class EventTypes {

    /** Where engagement-service publishes; key = engagement id. */
    public static final String TOPIC = "dialoog.engagements";

    private static final String PREFIX = "nl.dialoog.engagement.";

    public static final String ENGAGEMENT_CREATED = PREFIX + "engagement-created.v1";
    public static final String ENGAGEMENT_UPDATED = PREFIX + "engagement-updated.v1";
    public static final String ENGAGEMENT_STATUS_CHANGED = PREFIX + "engagement-status-changed.v1";
    public static final String ENGAGEMENT_PHASE_CHANGED = PREFIX + "engagement-phase-changed.v1";
    public static final String ENGAGEMENT_DELETED = PREFIX + "engagement-deleted.v1";
    public static final String PARTY_ADDED = PREFIX + "party-added.v1";
    public static final String PARTY_UPDATED = PREFIX + "party-updated.v1";
    public static final String PARTY_REMOVED = PREFIX + "party-removed.v1";
    public static final String PARTICIPANT_ADDED = PREFIX + "participant-added.v1";
    public static final String PARTICIPANT_UPDATED = PREFIX + "participant-updated.v1";
    public static final String PARTICIPANT_REMOVED = PREFIX + "participant-removed.v1";

    public static final String AGREEMENT_PROPOSED = PREFIX + "agreement-proposed.v1";
    public static final String AGREEMENT_ANSWER_RECORDED = PREFIX + "agreement-answer-recorded.v1";
    public static final String AGREEMENT_AMENDED = PREFIX + "agreement-amended.v1";
    public static final String AGREEMENT_CARRIED = PREFIX + "agreement-carried.v1";
    public static final String AGREEMENT_WITHDRAWN = PREFIX + "agreement-withdrawn.v1";

    public static final String PARTY_LEAD_GRANTED = PREFIX + "party-lead-granted.v1";
    public static final String PARTY_LEAD_UPDATED = PREFIX + "party-lead-updated.v1";
    public static final String PARTY_LEAD_REVOKED = PREFIX + "party-lead-revoked.v1";

    private EventTypes() {}
}
