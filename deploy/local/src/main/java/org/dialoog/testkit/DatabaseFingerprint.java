package org.dialoog.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A cheap fingerprint of a service's database, to see that a refused request changed nothing: per table its row
 * count and its newest {@code xmin} (the transaction that last inserted or updated a row), as
 * {@code table=rows/xmin,...}. Leaves out the tables that background work writes on its own: Flyway's history, the
 * outbox (the relay marks rows published), processed events (consumers) and dead letters; and the rate-limit
 * counters, which count every request to a public path, refused or not, on purpose.
 */
public final class DatabaseFingerprint implements Supplier<String> {

    private static final Set<String> BACKGROUND =
            Set.of("flyway_schema_history", "outbox_event", "processed_event", "dead_letter", "rate_limit_window");

    private final DataSource dataSource;
    private @Nullable String query;

    public DatabaseFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String get() {
        try (Connection c = dataSource.getConnection()) {
            String sql = query;
            if (sql == null) {
                sql = statement(c);
                query = sql;
            }
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    tables.add(rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3));
                }
            }
            return String.join(",", tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot fingerprint the database: " + e.getMessage(), e);
        }
    }

    /** One statement over every table of schema public, found once (Flyway has run by then). */
    private static String statement(Connection c) throws SQLException {
        List<String> selects = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!BACKGROUND.contains(table)) {
                    selects.add("select '" + table.replace("'", "''") + "' as t, count(*) as n,"
                            + " coalesce(max(xmin::text::bigint), 0) as x from public.\"" + table.replace("\"", "\"\"")
                            + "\"");
                }
            }
        }
        return selects.isEmpty()
                ? "select 'no tables', 0, 0"
                : "select t, n, x from (" + String.join(" union all ", selects) + ") f order by t";
    }
}
