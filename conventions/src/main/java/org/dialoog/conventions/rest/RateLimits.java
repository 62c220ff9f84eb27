package org.dialoog.conventions.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.config.RateLimitConfig;
import org.dialoog.conventions.domain.DomainException;

/**
 * Per-minute limits on the unauthenticated write paths, per client address and per target
 * (a session or a feedback round). The target's budget is shared, but each address keeps a small
 * allowance per target that the others cannot use up, so that some noisy addresses cannot lock
 * everyone else out. Counted in this replica's memory: with n replicas behind a load balancer the
 * effective limit is up to n times the configured one, which is what the limits are sized for.
 * Over a limit the answer is a 429 problem with Retry-After.
 */
@ApplicationScoped
public class RateLimits {

    private static final int MAX_KEYS = 100_000;

    private final RateLimitConfig config;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimits(RateLimitConfig config) {
        this.config = config;
    }

    /** Counts one request of {@code kind} from {@code client} to {@code target}, or throws a 429. */
    public void take(String kind, String client, Object target) {
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        long retryAfter = 60 - (now / 1000) % 60;
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.minute != minute);
            if (windows.size() > MAX_KEYS) {
                // a spread-out flood within one minute: forget the per-pair allowances before memory grows without
                // bound
                windows.keySet().removeIf(k -> k.contains("|pair|"));
            }
        }
        if (count(kind + "|client|" + client, minute) > config.perClientPerMinute()) {
            throw DomainException.tooManyRequests(
                    "Too many requests from your address; at most " + config.perClientPerMinute()
                            + " per minute. Try again in " + retryAfter + " s.",
                    retryAfter);
        }
        int fromThisClient = count(kind + "|pair|" + client + "|" + target, minute);
        int fromEveryone = count(kind + "|target|" + target, minute);
        // Past its budget a target still takes each address's small allowance, up to a hard ceiling of
        // twice the budget: a crowd of fresh addresses cannot push it without end.
        if ((fromEveryone > config.perTargetPerMinute() && fromThisClient > config.perClientPerTargetAllowance())
                || fromEveryone > 2 * config.perTargetPerMinute()) {
            throw DomainException.tooManyRequests(
                    "Too many requests for this " + kind + " right now; at most " + config.perTargetPerMinute()
                            + " per minute. Try again in " + retryAfter + " s.",
                    retryAfter);
        }
    }

    /** Counts one request of {@code kind} from the caller of {@code http} to {@code target}, or throws a 429. */
    public void take(String kind, HttpServerRequest http, Object target) {
        var address = http.remoteAddress();
        take(kind, address == null ? "unknown" : address.hostAddress(), target);
    }

    private int count(String key, long minute) {
        return windows.compute(
                        key, (k, w) -> w == null || w.minute != minute ? new Window(minute, new AtomicInteger()) : w)
                .count
                .incrementAndGet();
    }

    private record Window(long minute, AtomicInteger count) {}
}
