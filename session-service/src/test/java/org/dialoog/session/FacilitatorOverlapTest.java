package org.dialoog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A facilitator cannot be in two places at once: the rule, without Quarkus or a database. */
class FacilitatorOverlapTest {

    private static final OffsetDateTime SEVEN_PM = OffsetDateTime.parse("2031-03-12T19:00:00+01:00");
    private static final String ANNA = "anna";
    private static final String BEN = "ben";
    private static final String CAS = "cas";

    @Test
    void aFacilitatorInAnOverlappingPlannedSessionClashes() {
        Session evening = session(SEVEN_PM, 2, ANNA, BEN);
        Session workshop = session(SEVEN_PM.plusHours(1), 2, CAS, ANNA);
        assertThat(evening.facilitatorClashWith(workshop)).contains(ANNA);
    }

    @Test
    void theFirstOfTheSessionsOwnFacilitatorsIsNamed() {
        Session evening = session(SEVEN_PM, 2, BEN, ANNA);
        Session workshop = session(SEVEN_PM, 2, ANNA, BEN);
        assertThat(evening.facilitatorClashWith(workshop)).contains(BEN);
    }

    @Test
    void sessionsThatOnlyTouchDoNotOverlap() {
        Session evening = session(SEVEN_PM, 2, ANNA);
        Session later = session(SEVEN_PM.plusHours(2), 1, ANNA);
        Session earlier = session(SEVEN_PM.minusHours(1), 1, ANNA);
        assertThat(evening.overlaps(later)).isFalse();
        assertThat(evening.facilitatorClashWith(later)).isEmpty();
        assertThat(evening.facilitatorClashWith(earlier)).isEmpty();
    }

    @Test
    void timesInDifferentOffsetsAreComparedAsInstants() {
        Session evening = session(SEVEN_PM, 2, ANNA);
        // 20:00 UTC is 21:00 in Amsterdam's winter time: the evening has just ended
        Session afterwards = session(OffsetDateTime.parse("2031-03-12T20:00:00Z"), 1, ANNA);
        Session during = session(OffsetDateTime.parse("2031-03-12T19:59:00Z"), 1, ANNA);
        assertThat(evening.facilitatorClashWith(afterwards)).isEmpty();
        assertThat(evening.facilitatorClashWith(during)).contains(ANNA);
    }

    @Test
    void differentFacilitatorsDoNotClash() {
        Session evening = session(SEVEN_PM, 2, ANNA);
        Session workshop = session(SEVEN_PM, 2, BEN, CAS);
        assertThat(evening.facilitatorClashWith(workshop)).isEmpty();
    }

    @Test
    void completedOrCancelledSessionsBookNobody() {
        Session evening = session(SEVEN_PM, 2, ANNA);
        Session held = session(SEVEN_PM, 2, ANNA);
        held.status = SessionStatus.COMPLETED;
        Session cancelled = session(SEVEN_PM, 2, ANNA);
        cancelled.status = SessionStatus.CANCELLED;
        assertThat(evening.facilitatorClashWith(held)).isEmpty();
        assertThat(evening.facilitatorClashWith(cancelled)).isEmpty();
    }

    @Test
    void aRescheduledSessionDoesNotClashWithItself() {
        Session evening = session(SEVEN_PM, 2, ANNA);
        Session before = session(SEVEN_PM.minusMinutes(30), 2, ANNA);
        before.id = evening.id;
        assertThat(evening.facilitatorClashWith(before)).isEmpty();
    }

    @Test
    void aSessionWithoutFacilitatorsClashesWithNobody() {
        Session evening = session(SEVEN_PM, 2);
        assertThat(evening.facilitatorClashWith(session(SEVEN_PM, 2, ANNA))).isEmpty();
    }

    /** Law: overlapping is symmetric, and a clash is too (for planned sessions with the same facilitator). */
    @Property(tries = 300)
    void overlapIsSymmetric(
            @ForAll @IntRange(min = -600, max = 600) int startOffsetMinutes,
            @ForAll @IntRange(min = 1, max = 600) int minutesA,
            @ForAll @IntRange(min = 1, max = 600) int minutesB) {
        Session a = session(SEVEN_PM, 0, ANNA);
        a.endsAt = SEVEN_PM.plusMinutes(minutesA);
        Session b = session(SEVEN_PM.plusMinutes(startOffsetMinutes), 0, ANNA);
        b.endsAt = b.startsAt.plusMinutes(minutesB);
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
        assertThat(a.facilitatorClashWith(b).isPresent())
                .isEqualTo(b.facilitatorClashWith(a).isPresent())
                .isEqualTo(a.overlaps(b));
    }

    private static Session session(OffsetDateTime startsAt, int hours, String... facilitators) {
        Session s = new Session();
        s.id = UUID.randomUUID();
        s.status = SessionStatus.PLANNED;
        s.startsAt = startsAt;
        s.endsAt = startsAt.plusHours(hours);
        s.facilitators = facilitators;
        return s;
    }
}
