package org.dialoog.session.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant of a personal link, by its code's hash, for callers without a token. Read before any
 * Hibernate work starts, because Hibernate fixes the tenant when it opens its session.
 */
@ApplicationScoped
public class PublicLinks {

    private final DataSource dataSource;

    PublicLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> tenantOf(String codeHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select tenant from personal_link where code_hash = ?")) {
            st.setString(1, codeHash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the link's tenant", e);
        }
    }
}
