package org.dialoog.conventions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.dialoog.conventions.config.RateLimitConfig;
import org.dialoog.conventions.domain.DomainException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The public paths' limits as plain rules: a client's own limit, the target's budget, each client's allowance. */
class RateLimitsTest {

    private static final int PER_CLIENT = 20;
    private static final int PER_TARGET = 300;
    private static final int ALLOWANCE = 3;

    private final RateLimits limits = new RateLimits(new RateLimitConfig() {
        @Override
        public int perClientPerMinute() {
            return PER_CLIENT;
        }

        @Override
        public int perTargetPerMinute() {
            return PER_TARGET;
        }

        @Override
        public int perClientPerTargetAllowance() {
            return ALLOWANCE;
        }
    });

    @RepeatedTest(2) // a minute boundary inside one repetition resets the counts; two in a row cannot both cross one
    void thirtyNoisyAddressesDoNotStopANewWellBehavedOne() {
        int refused = 0;
        for (int address = 0; address < 30; address++) {
            for (int i = 0; i < 12; i++) { // 360 in all: past the budget, below its ceiling
                refused += allowed("203.0.113." + address, "session-1") ? 0 : 1;
            }
        }
        if (refused == 0) {
            return; // the minute turned while the noise was made: the other repetition checks it
        }
        assertThat(refused).as("the noise used the target's budget up").isPositive();
        for (int i = 0; i < ALLOWANCE; i++) {
            assertThat(allowed("198.51.100.1", "session-1"))
                    .as("a newcomer's request " + i)
                    .isTrue();
        }
        assertThat(allowed("198.51.100.1", "session-1"))
                .as("beyond its allowance a newcomer shares the spent budget")
                .isFalse();
        assertThat(allowed("198.51.100.1", "session-2"))
                .as("another target is untouched")
                .isTrue();
    }

    @Test
    void aCrowdOfFreshAddressesStopsAtTwiceTheTargetsBudget() {
        long minute = System.currentTimeMillis() / 60_000;
        int allowed = 0;
        for (int address = 0; address < 400; address++) {
            for (int i = 0; i < ALLOWANCE; i++) {
                allowed += allowed("2001:db8::" + Integer.toHexString(address), "round-9") ? 1 : 0;
            }
        }
        assumeTrue(minute == System.currentTimeMillis() / 60_000, "the counts were reset by a new minute");
        // 1,200 requests, each within its address's allowance: the ceiling is what stops them
        assertThat(allowed).isEqualTo(2 * PER_TARGET);
    }

    @Test
    void oneClientIsLimitedOnItsOwnWithRetryAfter() {
        for (int i = 0; i < PER_CLIENT; i++) {
            limits.take("registration", "192.0.2.1", "session-" + i);
        }
        assertThatThrownBy(() -> limits.take("registration", "192.0.2.1", "session-x"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                });
        limits.take("response", "192.0.2.1", "round-1"); // another kind of path counts apart
    }

    private boolean allowed(String client, String target) {
        try {
            limits.take("registration", client, target);
            return true;
        } catch (DomainException e) {
            assertThat(e.status()).isEqualTo(429);
            return false;
        }
    }
}
