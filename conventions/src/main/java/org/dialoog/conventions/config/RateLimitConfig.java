package org.dialoog.conventions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the unauthenticated write paths (public registration, respondent tokens, public responses). */
@ConfigMapping(prefix = "dialoog.rate-limit")
public interface RateLimitConfig {

    /**
     * Requests per minute from one client address on one kind of public path. Generous, because a
     * room full of people on one municipal Wi-Fi shares an address.
     */
    @WithDefault("120")
    int perClientPerMinute();

    /** Requests per minute to one target (one session's registrations, one round's responses), from everyone. */
    @WithDefault("3000")
    int perTargetPerMinute();

    /**
     * Requests per minute that one client address may always make to one target, even when the
     * target's budget is used up by others: a handful of noisy addresses cannot lock a resident out
     * of a session or a round. Under a spread-out attack each address gets this many, no more.
     */
    @WithDefault("10")
    int perClientPerTargetAllowance();
}
