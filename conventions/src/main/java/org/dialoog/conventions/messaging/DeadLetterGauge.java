package org.dialoog.conventions.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Dead letters not yet replayed, over all tenants, as the gauge {@code dialoog_dead_letters_unreplayed}: the
 * alert "dead letters present" fires on it. Counted at each scrape (the table is small: a dead letter is an
 * exception, and a replayed one stops counting).
 */
@Startup
@ApplicationScoped
public class DeadLetterGauge {

    private final AgroalDataSource dataSource;

    DeadLetterGauge(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("dialoog.dead.letters.unreplayed", this, DeadLetterGauge::count)
                .description("Dead letters of this service not yet replayed, all tenants")
                .register(registry);
    }

    double count() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from dead_letter where replayed_at is null")) {
            return rs.next() ? rs.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            // the database is away: readiness says so; the gauge has no value rather than a wrong one
            return Double.NaN;
        }
    }
}
