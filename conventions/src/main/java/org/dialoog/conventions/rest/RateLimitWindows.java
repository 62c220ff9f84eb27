package org.dialoog.conventions.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The per-minute counters behind {@link RateLimits}, in the service's database so that every
 * replica counts into the same windows. One statement adds one to each key of a request and reads
 * the new counts back ({@code insert … on conflict do update … returning}); the minute is the
 * database's, so replicas with drifting clocks still share a window. Past minutes are deleted by
 * whichever replica first sees a new minute (one indexed delete per replica and minute).
 */
@ApplicationScoped
public class RateLimitWindows {

    /** The counts after this request, by key, and the seconds until the window closes. */
    public record Counts(Map<String, Integer> byKey, long retryAfterSeconds) {
        int of(String key) {
            Integer n = byKey.get(key);
            if (n == null) {
                throw new IllegalStateException("no count returned for a key"); // the statement returns every key
            }
            return n;
        }
    }

    private final DataSource dataSource;
    private final AtomicLong sweptMinute = new AtomicLong();

    /** Outside CDI (a plain test) there is no transaction interceptor: each statement commits on its own. */
    RateLimitWindows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds one to each of {@code keys} in this minute's window of {@code kind} and commits at once,
     * in a transaction of its own: a caller's longer transaction must not hold a busy target's row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Counts add(String kind, List<String> keys) {
        List<String> stored = keys.stream().map(RateLimitWindows::stored).toList();
        try (Connection c = dataSource.getConnection()) {
            sweepPastMinutes(c);
            // rows are locked in the order given (client before target), so two requests cannot deadlock
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into rate_limit_window (kind, key, window_start, count)
                    select ?, k, date_trunc('minute', statement_timestamp()), 1
                    from unnest(?) with ordinality as t(k, i) order by i
                    on conflict (kind, key, window_start) do update set count = rate_limit_window.count + 1
                    returning key, count,
                        ceil(extract(epoch from window_start + interval '1 minute' - statement_timestamp()))""")) {
                Array array = c.createArrayOf("varchar", stored.toArray());
                ps.setString(1, kind);
                ps.setArray(2, array);
                Map<String, Integer> byStored = new HashMap<>();
                long retryAfter = 60;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byStored.put(rs.getString(1), rs.getInt(2));
                        retryAfter = Math.max(1, Math.min(60, rs.getLong(3)));
                    }
                }
                Map<String, Integer> byKey = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    Integer n = byStored.get(stored.get(i));
                    if (n != null) {
                        byKey.put(keys.get(i), n);
                    }
                }
                return new Counts(byKey, retryAfter);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rate-limit counters unavailable: " + e.getSQLState(), e);
        }
    }

    private void sweepPastMinutes(Connection c) throws SQLException {
        long minute = System.currentTimeMillis() / 60_000;
        long swept = sweptMinute.get();
        if (swept == minute || !sweptMinute.compareAndSet(swept, minute)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "delete from rate_limit_window where window_start < date_trunc('minute', statement_timestamp())")) {
            ps.executeUpdate();
        }
    }

    /**
     * Keys name client addresses: the table keeps their SHA-256 instead, so the database holds no
     * address in the clear (and the rows are gone within two minutes).
     */
    private static String stored(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
