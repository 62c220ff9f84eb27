package org.dialoog.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the server the environment names (default 127.0.0.1:5432 as
 * {@code postgres}), created for one test run and dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private boolean created;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>}. */
    public static TestDatabase create(String prefix) {
        TestDatabase db =
                new TestDatabase(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
        db.execute("CREATE DATABASE " + db.name);
        db.created = true;
        return db;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    public static String username() {
        return env("DIALOOG_PG_USER", "postgres");
    }

    public static String password() {
        return env("DIALOOG_PG_PASSWORD", "");
    }

    @Override
    public void close() {
        if (created) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            created = false;
        }
    }

    private void execute(String sql) {
        String adminUrl = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, username(), password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + adminUrl + " refused '" + sql + "': " + e.getMessage()
                            + " (is it running? pg_ctlcluster --skip-systemctl-redirect 15 main start)",
                    e);
        }
    }

    private static String host() {
        return env("DIALOOG_PG_HOST", "127.0.0.1");
    }

    private static String port() {
        return env("DIALOOG_PG_PORT", "5432");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
