package org.dialoog.conventions.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jspecify.annotations.Nullable;

/**
 * The {@code message_delivery} table: one row per message id with its state and tries, never an address, a
 * link or content. Sending holds the row's lock for one attempt ({@link Attempt}), so two replicas handed the
 * same request send it once: the second waits, then finds it no longer QUEUED.
 */
@ApplicationScoped
public class DeliveryRecords {

    /** How many messages of one kind are in each state. */
    public record KindCounts(String kind, Map<DeliveryState, Long> byState) {}

    private final DataSource dataSource;

    DeliveryRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a message as QUEUED unless its id is known already; commits at once. */
    void queue(String tenant, MessageRequest r, OffsetDateTime decidedAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into message_delivery (message_id, tenant, kind, engagement_id, session_id, round_id,
                            state, tries, decided_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, now())
                        on conflict (message_id) do nothing""")) {
            c.setAutoCommit(true);
            ps.setObject(1, r.messageId());
            ps.setString(2, tenant);
            ps.setString(3, r.kind().name());
            ps.setObject(4, r.engagementId());
            ps.setObject(5, r.sessionId());
            ps.setObject(6, r.roundId());
            ps.setObject(7, decidedAt);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Delivery records unavailable: " + e.getSQLState(), e);
        }
    }

    /** Locks a message's row for one attempt; close it to commit what was recorded (or roll back). */
    Attempt lock(UUID messageId) {
        try {
            return new Attempt(dataSource.getConnection(), messageId);
        } catch (SQLException e) {
            throw new IllegalStateException("Delivery records unavailable: " + e.getSQLState(), e);
        }
    }

    /** Counts per kind and state of one tenant's messages about a session or a round (one of them). */
    public List<KindCounts> count(String tenant, @Nullable UUID sessionId, @Nullable UUID roundId) {
        String column = sessionId != null ? "session_id" : "round_id";
        Map<String, Map<DeliveryState, Long>> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select kind, state, count(*) from message_delivery"
                        + " where tenant = ? and " + column + " = ? group by kind, state")) {
            ps.setString(1, tenant);
            ps.setObject(2, sessionId != null ? sessionId : roundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(DeliveryState.class))
                            .put(DeliveryState.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Delivery records unavailable: " + e.getSQLState(), e);
        }
        List<KindCounts> out = new ArrayList<>();
        counts.forEach((kind, byState) -> out.add(new KindCounts(kind, byState)));
        return out;
    }

    /** One attempt at a message, holding its row lock in a transaction until closed. */
    static final class Attempt implements AutoCloseable {
        private final Connection c;
        private final UUID messageId;
        private final DeliveryState state;
        private final int tries;
        private boolean done;

        Attempt(Connection c, UUID messageId) {
            this.c = c;
            this.messageId = messageId;
            try {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "select state, tries from message_delivery where message_id = ? for update")) {
                    ps.setObject(1, messageId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("No delivery record for message " + messageId);
                        }
                        state = DeliveryState.valueOf(rs.getString(1));
                        tries = rs.getInt(2);
                    }
                }
            } catch (SQLException e) {
                abandon();
                throw new IllegalStateException("Delivery records unavailable: " + e.getSQLState(), e);
            } catch (RuntimeException e) {
                abandon();
                throw e;
            }
        }

        DeliveryState state() {
            return state;
        }

        int tries() {
            return tries;
        }

        /** Records the attempt's outcome and commits; {@code failure} is an exception's class name, never its message. */
        void finish(DeliveryState next, boolean tried, @Nullable String failure) {
            try (PreparedStatement ps = c.prepareStatement("""
                    update message_delivery set state = ?, tries = tries + ?, last_failure = coalesce(?, last_failure),
                        updated_at = now(), sent_at = case when ? = 'SENT' then now() else sent_at end
                    where message_id = ?""")) {
                ps.setString(1, next.name());
                ps.setInt(2, tried ? 1 : 0);
                ps.setString(3, failure);
                ps.setString(4, next.name());
                ps.setObject(5, messageId);
                ps.executeUpdate();
                c.commit();
                done = true;
            } catch (SQLException e) {
                throw new IllegalStateException("Delivery records unavailable: " + e.getSQLState(), e);
            }
        }

        @Override
        public void close() {
            if (!done) {
                abandon();
                return;
            }
            try {
                c.close();
            } catch (SQLException e) {
                // the connection goes back to the pool or is discarded; nothing was left uncommitted
            }
        }

        private void abandon() {
            rollbackQuietly();
            try {
                c.close();
            } catch (SQLException e) {
                // the connection goes back to the pool or is discarded
            }
        }

        private void rollbackQuietly() {
            try {
                c.rollback();
            } catch (SQLException e) {
                // a broken connection has nothing to roll back
            }
        }
    }
}
