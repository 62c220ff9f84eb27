package org.dialoog.session.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant of a session, for callers without a token (public registration). Read before any
 * Hibernate work starts, because Hibernate fixes the tenant when it opens its session.
 */
@ApplicationScoped
public class PublicSessions {

    private final DataSource dataSource;

    PublicSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> tenantOf(UUID sessionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select tenant from session where id = ?")) {
            st.setObject(1, sessionId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the session's tenant", e);
        }
    }
}
