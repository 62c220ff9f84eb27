package org.dialoog.feedback.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.FeedbackRound.Action;

/**
 * What a round allows in its state, and the reasons the API gives when it refuses: responses only
 * while it is open, once per token and only for the token's own round; tokens and a close until
 * it closes. Pure, so that the rules are tested without a database.
 */
public final class RoundRules {

    private RoundRules() {}

    /** Why the round takes no response at {@code now} (409: not yet open, or closed, with the time), or empty while open. */
    public static Optional<DomainException> responseRefusedByState(FeedbackRound round, OffsetDateTime now) {
        FeedbackRound.State state = round.state(now);
        if (state.allows(Action.RESPOND)) {
            return Optional.empty();
        }
        return Optional.of(
                state == FeedbackRound.State.SCHEDULED
                        ? DomainException.conflict(
                                "Round " + round.id + " opens at " + round.opensAt + "; it takes no responses yet.")
                        : DomainException.conflict("Round " + round.id + " closed at "
                                + (round.closedAt != null ? round.closedAt : round.closesAt)
                                + "; it takes no more responses."));
    }

    /**
     * Why an open round refused a token, given the round the token belongs to (empty when no such
     * token exists): unknown (403), another round's (409), or already spent (409: single use).
     */
    public static DomainException tokenRefused(UUID roundId, Optional<UUID> roundOfToken) {
        if (roundOfToken.isEmpty()) {
            return new DomainException(403, "Forbidden", "This respondent token is not valid.");
        }
        if (!roundId.equals(roundOfToken.get())) {
            return DomainException.conflict("This respondent token belongs to another feedback round.");
        }
        return DomainException.conflict("This respondent token was already used; each token answers once.");
    }

    /** Tokens are for ATTENDEES and PARTICIPANTS rounds, until the round closes (409 otherwise). */
    public static void checkTokensAllowed(FeedbackRound round, OffsetDateTime now) {
        if (FeedbackRound.Audience.PUBLIC.name().equals(round.audience)) {
            throw DomainException.conflict("Round " + round.id + " is PUBLIC: it takes responses without tokens.");
        }
        if (!round.state(now).allows(Action.ISSUE_TOKENS)) {
            throw DomainException.conflict("Round " + round.id + " is closed; no more tokens.");
        }
    }

    /**
     * A reminder only while the round is open (409: not yet, or closed), and not within {@code gap} of
     * the last one (429 with the seconds until the next may go).
     */
    public static void checkRemindable(FeedbackRound round, OffsetDateTime now, Duration gap) {
        FeedbackRound.State state = round.state(now);
        if (state != FeedbackRound.State.OPEN) {
            throw DomainException.conflict(
                    "Round " + round.id + " is " + state + "; reminders go out only while it is open.");
        }
        if (round.remindedAt != null && now.isBefore(round.remindedAt.plus(gap))) {
            OffsetDateTime next = round.remindedAt.plus(gap);
            throw DomainException.tooManyRequests(
                    "A reminder for round " + round.id + " went out at " + round.remindedAt
                            + "; the next one can go from " + next + ".",
                    Math.max(1, Duration.between(now, next).toSeconds()));
        }
    }

    /** A round closes once (409 the second time). */
    public static void checkClosable(FeedbackRound round, OffsetDateTime now) {
        if (!round.state(now).allows(Action.CLOSE)) {
            throw DomainException.conflict("Round " + round.id + " is already closed.");
        }
    }
}
