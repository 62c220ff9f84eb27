package org.dialoog.feedback.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant of a round, for callers without an account (respondents). Read before any
 * Hibernate work starts, because Hibernate fixes the tenant when it opens its session.
 */
@ApplicationScoped
public class PublicRounds {

    private final DataSource dataSource;

    PublicRounds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> tenantOf(UUID roundId) {
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
