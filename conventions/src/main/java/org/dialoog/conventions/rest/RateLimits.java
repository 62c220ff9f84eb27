package org.dialoog.conventions.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.config.RateLimitConfig;
import org.dialoog.conventions.domain.DomainException;

/**
 * Per-minute limits on the unauthenticated write paths, per client address and per target
 * (a session or a feedback round). The target's budget is shared, but each address keeps a small
 * allowance per target that the others cannot use up, so that some noisy addresses cannot lock
 * everyone else out. Counted in the service's database ({@link RateLimitWindows}), so the limits
 * hold for the service as a whole however many replicas answer. Over a limit the answer is a 429
 * problem with Retry-After.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitConfig config;
    private final RateLimitWindows windows;

    RateLimits(RateLimitConfig config, RateLimitWindows windows) {
        this.config = config;
        this.windows = windows;
    }

    /** Counts one request of {@code kind} from {@code client} to {@code target}, or throws a 429. */
    public void take(String kind, String client, Object target) {
        String clientKey = "client|" + client;
        RateLimitWindows.Counts own = windows.add(kind, List.of(clientKey));
        if (own.of(clientKey) > config.perClientPerMinute()) {
            // refused here, so it does not count against the target: one noisy address cannot spend its budget
            throw DomainException.tooManyRequests(
                    "Too many requests from your address; at most " + config.perClientPerMinute()
                            + " per minute. Try again in " + own.retryAfterSeconds() + " s.",
                    own.retryAfterSeconds());
        }
        String pairKey = "pair|" + client + "|" + target;
        String targetKey = "target|" + target;
        RateLimitWindows.Counts counts = windows.add(kind, List.of(pairKey, targetKey));
        int fromThisClient = counts.of(pairKey);
        int fromEveryone = counts.of(targetKey);
        // Past its budget a target still takes each address's small allowance, up to a hard ceiling of
        // twice the budget: a crowd of fresh addresses cannot push it without end.
        if ((fromEveryone > config.perTargetPerMinute() && fromThisClient > config.perClientPerTargetAllowance())
                || fromEveryone > 2 * config.perTargetPerMinute()) {
            throw DomainException.tooManyRequests(
                    "Too many requests for this " + kind + " right now; at most " + config.perTargetPerMinute()
                            + " per minute. Try again in " + counts.retryAfterSeconds() + " s.",
                    counts.retryAfterSeconds());
        }
    }

    /** Counts one request of {@code kind} from the caller of {@code http} to {@code target}, or throws a 429. */
    public void take(String kind, HttpServerRequest http, Object target) {
        var address = http.remoteAddress();
        take(kind, address == null ? "unknown" : address.hostAddress(), target);
    }
}
