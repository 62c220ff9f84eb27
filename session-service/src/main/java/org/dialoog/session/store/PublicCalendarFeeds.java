package org.dialoog.session.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.dialoog.session.CalendarFeed;

/**
 * The tenant of a calendar feed, found by its secret, for calendar apps without a token. Read
 * before any Hibernate work starts, because Hibernate fixes the tenant when it opens its session.
 */
@ApplicationScoped
public class PublicCalendarFeeds {

    private final DataSource dataSource;

    PublicCalendarFeeds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> tenantOf(String secret) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select tenant from calendar_feed where secret_hash = ?")) {
            st.setString(1, CalendarFeed.hashOf(secret));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the calendar feed's tenant", e);
        }
    }
}
