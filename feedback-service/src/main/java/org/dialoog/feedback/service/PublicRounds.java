package org.dialoog.feedback.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant of a round, for callers without an account (respondents). Read before any
 * Hibernate work starts, because Hibernate fixes the tenant when it opens its session.
 */
@ApplicationScoped
public class PublicRounds {

    /** A round never changes tenant, so a found tenant is remembered (bounded: cleared when full). */
    private static final int MAX_REMEMBERED = 10_000;

    private final DataSource dataSource;
    private final Map<UUID, String> tenants = new ConcurrentHashMap<>();

    PublicRounds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> tenantOf(UUID roundId) {
        String known = tenants.get(roundId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = lookUp(roundId);
        found.ifPresent(t -> {
            if (tenants.size() >= MAX_REMEMBERED) {
                tenants.clear();
            }
            tenants.put(roundId, t);
        });
        return found;
    }

    private Optional<String> lookUp(UUID roundId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select tenant from feedback_round where id = ?")) {
            st.setObject(1, roundId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the round's tenant", e);
        }
    }
}
