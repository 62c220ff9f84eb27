package org.dialoog.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dialoog.feedback.FeedbackRound.Action;
import org.dialoog.feedback.FeedbackRound.State;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Where a round stands in time, and what each state allows; without Quarkus or a database. */
class FeedbackRoundStateTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 3, 12, 12, 0, 0, 0, ZoneOffset.ofHours(1));

    private static FeedbackRound round(
            @Nullable OffsetDateTime opensAt, @Nullable OffsetDateTime closesAt, @Nullable OffsetDateTime closedAt) {
        FeedbackRound r = new FeedbackRound();
        r.opensAt = opensAt;
        r.closesAt = closesAt;
        r.closedAt = closedAt;
        return r;
    }

    @Test
    void aRoundBeforeItsOpeningTimeIsScheduled() {
        assertThat(round(NOON, null, null).state(NOON.minusSeconds(1))).isEqualTo(State.SCHEDULED);
    }

    @Test
    void aRoundIsOpenFromItsOpeningTimeUntilItsClosingTime() {
        FeedbackRound r = round(NOON, NOON.plusDays(7), null);
        assertThat(r.state(NOON)).isEqualTo(State.OPEN);
        assertThat(r.state(NOON.plusDays(7).minusNanos(1))).isEqualTo(State.OPEN);
        assertThat(r.state(NOON.plusDays(7))).isEqualTo(State.CLOSED);
    }

    @Test
    void aRoundWithoutTimesIsOpenUntilItIsClosed() {
        assertThat(round(null, null, null).state(NOON)).isEqualTo(State.OPEN);
        assertThat(round(null, null, NOON).state(NOON.plusYears(1))).isEqualTo(State.CLOSED);
    }

    @Test
    void anExplicitCloseEndsTheRoundBeforeItsClosingTimeAndEvenBeforeItOpened() {
        assertThat(round(NOON, NOON.plusDays(7), NOON.plusDays(1)).state(NOON.plusDays(2)))
                .isEqualTo(State.CLOSED);
        assertThat(round(NOON, NOON.plusDays(7), NOON.minusDays(1)).state(NOON.minusHours(1)))
                .isEqualTo(State.CLOSED);
    }

    @Test
    void onlyAnOpenRoundTakesResponses() {
        assertThat(State.OPEN.allows(Action.RESPOND)).isTrue();
        assertThat(State.SCHEDULED.allows(Action.RESPOND)).isFalse();
        assertThat(State.CLOSED.allows(Action.RESPOND)).isFalse();
    }

    @Test
    void tokensCanBeIssuedAndTheRoundClosedUntilItIsClosed() {
        for (Action action : new Action[] {Action.ISSUE_TOKENS, Action.CLOSE}) {
            assertThat(State.SCHEDULED.allows(action))
                    .as("SCHEDULED allows %s", action)
                    .isTrue();
            assertThat(State.OPEN.allows(action)).as("OPEN allows %s", action).isTrue();
            assertThat(State.CLOSED.allows(action))
                    .as("CLOSED allows %s", action)
                    .isFalse();
        }
    }

    /** Law: time only moves a round forward, SCHEDULED → OPEN → CLOSED; a closed round never opens again. */
    @Property(tries = 500)
    void aRoundNeverMovesBackInTime(
            @ForAll @IntRange(min = -100, max = 100) int opensIn,
            @ForAll @IntRange(min = 1, max = 100) int openFor,
            @ForAll boolean hasOpening,
            @ForAll boolean hasClosing,
            @ForAll @IntRange(min = -200, max = 200) int earlier,
            @ForAll @IntRange(min = 0, max = 200) int later) {
        FeedbackRound r = round(
                hasOpening ? NOON.plusMinutes(opensIn) : null,
                hasClosing ? NOON.plusMinutes(opensIn + openFor) : null,
                null);
        State before = r.state(NOON.plusMinutes(earlier));
        State after = r.state(NOON.plusMinutes(earlier + later));
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    /** Law: a round takes responses exactly in [opensAt, closesAt), the window the response statement checks in SQL. */
    @Property(tries = 500)
    void responsesAreTakenExactlyWithinTheHalfOpenWindow(
            @ForAll @IntRange(min = -100, max = 100) int opensIn,
            @ForAll @IntRange(min = 1, max = 100) int openFor,
            @ForAll @IntRange(min = -300, max = 300) int at) {
        FeedbackRound r = round(NOON.plusMinutes(opensIn), NOON.plusMinutes(opensIn + openFor), null);
        boolean inWindow = at >= opensIn && at < opensIn + openFor;
        assertThat(r.state(NOON.plusMinutes(at)).allows(Action.RESPOND)).isEqualTo(inWindow);
    }
}
