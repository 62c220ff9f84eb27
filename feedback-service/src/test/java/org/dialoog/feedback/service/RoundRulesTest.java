package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.FeedbackRound;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What a round refuses in each state, and the words the API answers with; without Quarkus or a database. */
class RoundRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 12, 21, 30, 0, 0, ZoneOffset.ofHours(1));
    private static final UUID ROUND = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ROUND = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    private static FeedbackRound round(
            FeedbackRound.Audience audience,
            @Nullable OffsetDateTime opensAt,
            @Nullable OffsetDateTime closesAt,
            @Nullable OffsetDateTime closedAt) {
        FeedbackRound r = new FeedbackRound();
        r.id = ROUND;
        r.audience = audience.name();
        r.opensAt = opensAt;
        r.closesAt = closesAt;
        r.closedAt = closedAt;
        return r;
    }

    private static FeedbackRound open() {
        return round(FeedbackRound.Audience.PARTICIPANTS, NOW.minusDays(1), NOW.plusDays(6), null);
    }

    @Test
    void aResponseBeforeTheRoundOpensIsAConflictNamingTheOpeningTime() {
        FeedbackRound r = round(FeedbackRound.Audience.PARTICIPANTS, NOW.plusHours(1), NOW.plusDays(7), null);
        assertThat(RoundRules.responseRefusedByState(r, NOW)).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage())
                    .isEqualTo("Round " + ROUND + " opens at " + NOW.plusHours(1) + "; it takes no responses yet.");
        });
    }

    @Test
    void aResponseAfterTheClosingTimeIsAConflictNamingThatTime() {
        FeedbackRound r = round(FeedbackRound.Audience.PARTICIPANTS, NOW.minusDays(7), NOW.minusMinutes(1), null);
        assertThat(RoundRules.responseRefusedByState(r, NOW)).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Round " + ROUND + " closed at " + NOW.minusMinutes(1) + "; it takes no more responses.");
        });
    }

    @Test
    void aResponseAfterAnEarlyCloseNamesTheCloseRatherThanThePlannedEnd() {
        FeedbackRound r =
                round(FeedbackRound.Audience.PARTICIPANTS, NOW.minusDays(1), NOW.plusDays(6), NOW.minusHours(2));
        assertThat(RoundRules.responseRefusedByState(r, NOW))
                .get()
                .satisfies(e -> assertThat(e.getMessage())
                        .isEqualTo("Round " + ROUND + " closed at " + NOW.minusHours(2)
                                + "; it takes no more responses."));
    }

    @Test
    void anOpenRoundRefusesNoResponseByItsState() {
        assertThat(RoundRules.responseRefusedByState(open(), NOW)).isEmpty();
    }

    @Test
    void anUnknownTokenIsForbidden() {
        DomainException e = RoundRules.tokenRefused(ROUND, Optional.empty());
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.title()).isEqualTo("Forbidden");
        assertThat(e.getMessage()).isEqualTo("This respondent token is not valid.");
    }

    @Test
    void aTokenWorksOnlyForItsOwnRound() {
        DomainException e = RoundRules.tokenRefused(ROUND, Optional.of(OTHER_ROUND));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo("This respondent token belongs to another feedback round.");
    }

    @Test
    void aTokenOfThisRoundThatWasRefusedWasAlreadyUsedBecauseEachTokenAnswersOnce() {
        DomainException e = RoundRules.tokenRefused(ROUND, Optional.of(ROUND));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo("This respondent token was already used; each token answers once.");
    }

    @Test
    void tokensCanBeIssuedBeforeAndWhileTheRoundIsOpen() {
        FeedbackRound scheduled = round(FeedbackRound.Audience.ATTENDEES, NOW.plusDays(1), null, null);
        assertThatCode(() -> RoundRules.checkTokensAllowed(scheduled, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> RoundRules.checkTokensAllowed(open(), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aPublicRoundTakesNoTokens() {
        FeedbackRound r = round(FeedbackRound.Audience.PUBLIC, null, null, null);
        assertThatThrownBy(() -> RoundRules.checkTokensAllowed(r, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage())
                            .isEqualTo("Round " + ROUND + " is PUBLIC: it takes responses without tokens.");
                });
    }

    @Test
    void aClosedRoundIssuesNoMoreTokens() {
        FeedbackRound r = round(FeedbackRound.Audience.PARTICIPANTS, null, null, NOW.minusMinutes(5));
        assertThatThrownBy(() -> RoundRules.checkTokensAllowed(r, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Round " + ROUND + " is closed; no more tokens.");
                });
    }

    @Test
    void aRoundClosesOnceWhetherOrNotItHasOpenedYet() {
        FeedbackRound scheduled = round(FeedbackRound.Audience.PARTICIPANTS, NOW.plusDays(1), null, null);
        assertThatCode(() -> RoundRules.checkClosable(scheduled, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> RoundRules.checkClosable(open(), NOW)).doesNotThrowAnyException();
        FeedbackRound closed = round(FeedbackRound.Audience.PARTICIPANTS, null, NOW.minusSeconds(1), null);
        assertThatThrownBy(() -> RoundRules.checkClosable(closed, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Round " + ROUND + " is already closed.");
                });
    }

    @Test
    void aReminderGoesOnlyWhileTheRoundIsOpen() {
        FeedbackRound later = round(FeedbackRound.Audience.PARTICIPANTS, NOW.plusHours(1), NOW.plusDays(7), null);
        FeedbackRound closed = round(FeedbackRound.Audience.PARTICIPANTS, NOW.minusDays(7), NOW.plusDays(1), NOW);
        assertThatThrownBy(() -> RoundRules.checkRemindable(later, NOW, java.time.Duration.ofHours(1)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("Round " + ROUND + " is SCHEDULED; reminders go out only while it is open.");
        assertThatThrownBy(() -> RoundRules.checkRemindable(closed, NOW, java.time.Duration.ofHours(1)))
                .hasMessage("Round " + ROUND + " is CLOSED; reminders go out only while it is open.");
        assertThatCode(() -> RoundRules.checkRemindable(open(), NOW, java.time.Duration.ofHours(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSecondReminderWithinTheGapIsTooManyRequestsUntilTheGapHasPassed() {
        FeedbackRound r = open();
        r.remindedAt = NOW.minusMinutes(20);
        assertThatThrownBy(() -> RoundRules.checkRemindable(r, NOW, java.time.Duration.ofHours(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isEqualTo(40 * 60);
                })
                .hasMessageContaining("the next one can go from " + NOW.plusMinutes(40));
        assertThatCode(() -> RoundRules.checkRemindable(r, NOW.plusMinutes(40), java.time.Duration.ofHours(1)))
                .doesNotThrowAnyException();
    }
}
