package org.dialoog.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dialoog.engagement.EngagementStatus.ACTIVE;
import static org.dialoog.engagement.EngagementStatus.CANCELLED;
import static org.dialoog.engagement.EngagementStatus.CONCLUDED;
import static org.dialoog.engagement.EngagementStatus.DRAFT;
import static org.dialoog.engagement.EngagementStatus.PAUSED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.dialoog.conventions.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The engagement status machine, without Quarkus: every legal and illegal move, and the two-party rule for ACTIVE. */
class EngagementStatusMovesTest {

    /** The lifecycle as README and the API document it: DRAFT → ACTIVE ⇄ PAUSED → CONCLUDED, CANCELLED from any open state. */
    private static final Map<EngagementStatus, Set<EngagementStatus>> LEGAL = Map.of(
            DRAFT, EnumSet.of(ACTIVE, CANCELLED),
            ACTIVE, EnumSet.of(PAUSED, CONCLUDED, CANCELLED),
            PAUSED, EnumSet.of(ACTIVE, CONCLUDED, CANCELLED),
            CONCLUDED, EnumSet.noneOf(EngagementStatus.class),
            CANCELLED, EnumSet.noneOf(EngagementStatus.class));

    /** Law: with enough parties, a move is allowed exactly when the lifecycle names it; every other is a 409. */
    @Property
    void aMoveIsAllowedExactlyWhenTheLifecycleNamesIt(@ForAll EngagementStatus from, @ForAll EngagementStatus to) {
        if (legal(from).contains(to)) {
            assertThatCode(() -> from.requireMoveTo(to, EngagementStatusMovesTest::twoParties))
                    .doesNotThrowAnyException();
        } else {
            assertThat(refusal(from, to, EngagementStatusMovesTest::twoParties).status())
                    .isEqualTo(409);
        }
        assertThat(from.canMoveTo(to)).isEqualTo(legal(from).contains(to));
    }

    @Test
    void everyLegalMoveIsAllowed() {
        assertThat(DRAFT.next()).containsExactlyInAnyOrder(ACTIVE, CANCELLED);
        assertThat(ACTIVE.next()).containsExactlyInAnyOrder(PAUSED, CONCLUDED, CANCELLED);
        assertThat(PAUSED.next()).containsExactlyInAnyOrder(ACTIVE, CONCLUDED, CANCELLED);
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedMoves() {
        assertThat(refusal(DRAFT, PAUSED, EngagementStatusMovesTest::twoParties).getMessage())
                .isEqualTo("An engagement cannot move from DRAFT to PAUSED; allowed from DRAFT: [ACTIVE, CANCELLED].");
        assertThat(refusal(ACTIVE, DRAFT, EngagementStatusMovesTest::twoParties).getMessage())
                .isEqualTo(
                        "An engagement cannot move from ACTIVE to DRAFT; allowed from ACTIVE: [PAUSED, CONCLUDED, CANCELLED].");
    }

    @Test
    void aConcludedOrCancelledEngagementMovesNowhere() {
        for (EngagementStatus closed : EnumSet.of(CONCLUDED, CANCELLED)) {
            assertThat(closed.isClosed()).isTrue();
            assertThat(closed.next()).isEmpty();
            for (EngagementStatus to : EngagementStatus.values()) {
                assertThat(refusal(closed, to, EngagementStatusMovesTest::twoParties)
                                .getMessage())
                        .isEqualTo("An engagement cannot move from " + closed + " to " + to + "; it is closed.");
            }
        }
    }

    @Test
    void cancelledIsReachableFromEveryOpenState() {
        for (EngagementStatus open : EnumSet.of(DRAFT, ACTIVE, PAUSED)) {
            assertThat(open.isClosed()).isFalse();
            assertThatCode(() -> open.requireMoveTo(CANCELLED, EngagementStatusMovesTest::notCounted))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void noStatusMovesToItself() {
        for (EngagementStatus s : EngagementStatus.values()) {
            assertThat(s.canMoveTo(s)).isFalse();
        }
    }

    @Test
    void becomingActiveNeedsAtLeastTwoParties() {
        assertThat(refusal(DRAFT, ACTIVE, () -> 1).getMessage())
                .isEqualTo("An engagement needs at least two parties before it "
                        + "can become ACTIVE: a process with one side is not a dialogue. It has 1.");
        assertThat(refusal(DRAFT, ACTIVE, () -> 0).status()).isEqualTo(409);
        assertThatCode(() -> DRAFT.requireMoveTo(ACTIVE, EngagementStatusMovesTest::twoParties))
                .doesNotThrowAnyException();
    }

    @Test
    void resumingAPausedEngagementAlsoNeedsTwoParties() {
        assertThat(refusal(PAUSED, ACTIVE, () -> 1).getMessage()).endsWith("It has 1.");
        assertThatCode(() -> PAUSED.requireMoveTo(ACTIVE, () -> 3)).doesNotThrowAnyException();
    }

    /** Law: where ACTIVE may follow, the move succeeds exactly when there are two parties or more. */
    @Property
    void activeIsReachedOnlyWithTwoPartiesOrMore(
            @ForAll EngagementStatus from, @ForAll @LongRange(min = 0, max = 1000) long parties) {
        if (!from.canMoveTo(ACTIVE)) {
            return;
        }
        if (parties >= EngagementStatus.MINIMUM_PARTIES_WHEN_ACTIVE) {
            assertThatCode(() -> from.requireMoveTo(ACTIVE, () -> parties)).doesNotThrowAnyException();
        } else {
            assertThat(refusal(from, ACTIVE, () -> parties).getMessage()).endsWith("It has " + parties + ".");
        }
    }

    /** Counting parties is a query: only a legal move to ACTIVE asks for it, and an illegal one says why it is illegal. */
    @Test
    void partiesAreCountedOnlyForALegalMoveToActive() {
        for (EngagementStatus from : EngagementStatus.values()) {
            for (EngagementStatus to : from.next()) {
                if (to != ACTIVE) {
                    assertThatCode(() -> from.requireMoveTo(to, EngagementStatusMovesTest::notCounted))
                            .doesNotThrowAnyException();
                }
            }
        }
        assertThat(refusal(ACTIVE, ACTIVE, EngagementStatusMovesTest::notCounted)
                        .getMessage())
                .startsWith("An engagement cannot move from ACTIVE to ACTIVE");
        assertThat(refusal(CONCLUDED, ACTIVE, EngagementStatusMovesTest::notCounted)
                        .getMessage())
                .endsWith("; it is closed.");
    }

    private static long twoParties() {
        return 2;
    }

    private static long notCounted() {
        throw new AssertionError("the parties were counted for a move that does not need them");
    }

    private static Set<EngagementStatus> legal(EngagementStatus from) {
        return Objects.requireNonNull(LEGAL.get(from), "LEGAL names every status");
    }

    private static DomainException refusal(EngagementStatus from, EngagementStatus to, LongSupplier parties) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> from.requireMoveTo(to, parties));
        assertThat(e).as("moving %s → %s should be refused", from, to).isNotNull();
        return e;
    }
}
