package org.dialoog.feedback.service;

import java.time.OffsetDateTime;

import org.dialoog.feedback.FeedbackRound;

/** Where a round stands in time. */
public final class Rounds {

    /** Before opensAt, between, or after closesAt or an explicit close. */
    public enum State { SCHEDULED, OPEN, CLOSED }

    private Rounds() {
    }

    public static State state(FeedbackRound r) {
        OffsetDateTime now = OffsetDateTime.now();
        if (r.closedAt != null || r.closesAt != null && !now.isBefore(r.closesAt)) {
            return State.CLOSED;
        }
        return r.opensAt != null && now.isBefore(r.opensAt) ? State.SCHEDULED : State.OPEN;
    }
}
