package org.dialoog.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.dialoog.conventions.domain.DomainException;
import org.junit.jupiter.api.Test;

/** How a session moves from PLANNED to COMPLETED or CANCELLED, without Quarkus or a database. */
class SessionMovesTest {

    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2031-03-12T19:30:00+01:00");

    @Test
    void onlyAPlannedSessionMovesOn() {
        assertThat(SessionStatus.PLANNED.canMoveTo(SessionStatus.COMPLETED)).isTrue();
        assertThat(SessionStatus.PLANNED.canMoveTo(SessionStatus.CANCELLED)).isTrue();
        assertThat(SessionStatus.PLANNED.canMoveTo(SessionStatus.PLANNED)).isFalse();
        for (SessionStatus next : SessionStatus.values()) {
            assertThat(SessionStatus.COMPLETED.canMoveTo(next)).isFalse();
            assertThat(SessionStatus.CANCELLED.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void aSessionIsCompletedOnceItStarted() {
        Session s = planned();
        OffsetDateTime later = STARTS.plusHours(2);
        s.complete(later);
        assertThat(s.status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(s.completedAt).isEqualTo(later);
        assertThat(s.updatedAt).isEqualTo(later);
    }

    @Test
    void aSessionCanBeCompletedFromTheMomentItStarts() {
        Session s = planned();
        s.complete(STARTS);
        assertThat(s.status).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void completingBeforeTheStartIsAConflict() {
        Session s = planned();
        assertConflict(() -> s.complete(STARTS.minusMinutes(1)), "it can be completed only after it started");
        assertThat(s.status).isEqualTo(SessionStatus.PLANNED);
        assertThat(s.completedAt).isNull();
    }

    @Test
    void cancellingKeepsTheReasonAndRaisesTheCalendarSequence() {
        Session s = planned();
        s.cancel("The venue is unavailable.", STARTS.minusDays(1));
        assertThat(s.status).isEqualTo(SessionStatus.CANCELLED);
        assertThat(s.cancelReason).isEqualTo("The venue is unavailable.");
        assertThat(s.sequence).isEqualTo(1);
        assertThat(s.updatedAt).isEqualTo(STARTS.minusDays(1));
    }

    @Test
    void aCompletedSessionCannotBeCancelled() {
        Session s = planned();
        s.complete(STARTS.plusHours(2));
        assertConflict(
                () -> s.cancel("Too late", STARTS.plusHours(3)),
                "is COMPLETED; only a PLANNED session can be cancelled");
        assertThat(s.status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(s.sequence).isZero();
    }

    @Test
    void aCancelledSessionCannotBeCompletedOrChanged() {
        Session s = planned();
        s.cancel("The venue is unavailable.", STARTS.minusDays(1));
        assertConflict(() -> s.complete(STARTS.plusHours(2)), "is CANCELLED; only a PLANNED session can be completed");
        assertConflict(s::requireChangeable, "is CANCELLED; only a PLANNED session can be changed");
        assertThat(s.status).isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void aPlannedSessionCanBeChanged() {
        planned().requireChangeable();
    }

    @Test
    void aSessionHasStartedFromItsStartOn() {
        Session s = planned();
        assertThat(s.hasStarted(STARTS.minusSeconds(1))).isFalse();
        assertThat(s.hasStarted(STARTS)).isTrue();
        // the same instant written in another offset
        assertThat(s.hasStarted(OffsetDateTime.parse("2031-03-12T18:30:00Z"))).isTrue();
    }

    /** Law: once completed or cancelled, no further move succeeds or changes anything. */
    @Property(tries = 200)
    void aSessionThatLeftPlannedNeverMovesAgain(@ForAll List<Boolean> completeOrCancel) {
        Session s = planned();
        SessionStatus left = null;
        for (boolean complete : completeOrCancel) {
            try {
                if (complete) {
                    s.complete(STARTS.plusHours(1));
                } else {
                    s.cancel("reason", STARTS.plusHours(1));
                }
                assertThat(left).as("a second move succeeded").isNull();
                left = s.status;
            } catch (DomainException e) {
                assertThat(e.status()).isEqualTo(409);
                assertThat(s.status).isEqualTo(left);
            }
        }
        assertThat(s.sequence).isLessThanOrEqualTo(1);
    }

    private static Session planned() {
        Session s = new Session();
        s.id = UUID.randomUUID();
        s.status = SessionStatus.PLANNED;
        s.startsAt = STARTS;
        s.endsAt = STARTS.plusHours(2);
        return s;
    }

    private static void assertConflict(Runnable move, String detail) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
