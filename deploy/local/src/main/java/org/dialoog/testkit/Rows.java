package org.dialoog.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** What a test observes straight in a service's database: one number from a counting query, or a column of them. */
public final class Rows {

    private Rows() {}

    public static long count(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return count(c, sql, params);
        }
    }

    /** The same on a connection the caller holds (a service process's database, outside any data source). */
    public static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as numbers, in the query's order. */
    public static List<Long> longs(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }
}
