package org.dialoog.feedback.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How feedback rounds reach their people by mail: the personal link, the mailing job, reminders. */
@ConfigMapping(prefix = "dialoog.feedback.mail")
public interface RoundMailConfig {

    /**
     * The personal answer link in a FEEDBACK_ROUND_OPENED mail, with {@code {roundId}} and {@code
     * {token}} filled in. The token belongs in the fragment (or a path a front end reads), so that no
     * server or proxy on the way logs it. A template starting with {@code /} starts at {@code
     * dialoog.api.public-base-url} (without one: {@code http://localhost:} and the HTTP port).
     */
    @WithDefault("/api/v1/feedback-rounds/{roundId}/responses#token={token}")
    String respondUrl();

    /** How often the mailing job looks for rounds that opened (opensAt reached) or are due for their reminder. */
    @WithDefault("10s")
    String interval();

    /** The least time between two reminders of a round (409 before that). */
    @WithDefault("PT1H")
    Duration reminderGap();

    /** When set, a MAIL round is reminded automatically this long before its closesAt, once; unset: never. */
    Optional<Duration> remindBeforeClose();
}
