package org.dialoog.session.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Planned sessions of every tenant with a reminder whose moment has come and that nobody recorded
 * yet, for the reminder job, which has no tenant of its own. Read before any Hibernate work starts.
 */
@ApplicationScoped
public class DueReminders {

    /** A session with a reminder due, and its tenant. */
    public record Due(String tenant, UUID sessionId) {}

    private static final String DUE = """
            select s.tenant, s.id
              from session s
             cross join lateral unnest(s.reminders) as r(reminder)
             where s.status = 'PLANNED'
               and s.starts_at > now()
               and s.starts_at - cast(r.reminder as interval) <= now()
               and not exists (select 1 from session_reminder x
                                where x.session_id = s.id and x.reminder = r.reminder and x.starts_at = s.starts_at)
             group by s.tenant, s.id
             order by min(s.starts_at)
             limit ?
            """;

    private final DataSource dataSource;

    DueReminders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Due> find(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(DUE)) {
            st.setInt(1, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getString(1), rs.getObject(2, UUID.class)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for due reminders", e);
        }
    }
}
