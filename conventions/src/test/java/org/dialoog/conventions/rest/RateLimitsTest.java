package org.dialoog.conventions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import org.dialoog.conventions.config.RateLimitConfig;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The public paths' limits as plain rules (a client's own limit, the target's budget, each client's
 * allowance), counted in a real PostgreSQL database with the conventions' migration, and shared by
 * two instances the way two replicas share their service's database.
 */
class RateLimitsTest {

    private static final int PER_CLIENT = 20;
    private static final int PER_TARGET = 300;
    private static final int ALLOWANCE = 3;

    private static TestDatabase db;
    private static AgroalDataSource dataSource;

    /** Each test's own addresses and targets, so the tests sharing the database do not count together. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final RateLimits limits = replica();
    private final RateLimits otherReplica = replica();

    @BeforeAll
    static void database() throws IOException, SQLException {
        db = TestDatabase.create("dialoog_rate_limits");
        // the pool the services run with (Agroal), so the time per request below is what a replica pays
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(4)
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(db.jdbcUrl())
                                .principal(new NamePrincipal(TestDatabase.username()))
                                .credential(new SimplePassword(TestDatabase.password())))));
        try (InputStream in = Objects.requireNonNull(
                        RateLimitsTest.class.getResourceAsStream("/db/conventions/V0_3__rate_limit_window.sql"));
                Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void drop() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoReplicasSharingADatabaseShareTheLimits() {
        long minute = System.currentTimeMillis() / 60_000;
        int allowed = 0;
        for (int i = 0; i < 2 * PER_CLIENT; i++) {
            RateLimits replica = i % 2 == 0 ? limits : otherReplica; // a load balancer's round robin
            allowed += allowed(replica, "192.0.2.7", "session-" + i) ? 1 : 0;
        }
        assumeTrue(minute == System.currentTimeMillis() / 60_000, "the counts were reset by a new minute");
        assertThat(allowed).as("one client over two replicas").isEqualTo(PER_CLIENT);

        int toOneTarget = 0;
        long started = System.nanoTime();
        for (int address = 0; address < 400; address++) {
            for (int i = 0; i < ALLOWANCE; i++) {
                RateLimits replica = (address + i) % 2 == 0 ? limits : otherReplica;
                toOneTarget += allowed(replica, "2001:db8:7::" + Integer.toHexString(address), "round-7") ? 1 : 0;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "RateLimitsTest: %.2f ms per counted request (1,200 requests, pooled connections)%n",
                (System.nanoTime() - started) / 1e6 / 1200);
        assumeTrue(minute == System.currentTimeMillis() / 60_000, "the counts were reset by a new minute");
        assertThat(toOneTarget)
                .as("a crowd over two replicas stops at one ceiling")
                .isEqualTo(2 * PER_TARGET);
    }

    private static RateLimits replica() {
        return new RateLimits(
                new RateLimitConfig() {
                    @Override
                    public int perClientPerMinute() {
                        return PER_CLIENT;
                    }

                    @Override
                    public int perTargetPerMinute() {
                        return PER_TARGET;
                    }

                    @Override
                    public int perClientPerTargetAllowance() {
                        return ALLOWANCE;
                    }
                },
                new RateLimitWindows(dataSource));
    }

    @RepeatedTest(2) // a minute boundary inside one repetition resets the counts; two in a row cannot both cross one
    void thirtyNoisyAddressesDoNotStopANewWellBehavedOne() {
        int refused = 0;
        for (int address = 0; address < 30; address++) {
            for (int i = 0; i < 12; i++) { // 360 in all: past the budget, below its ceiling
                refused += allowed("203.0.113." + address, "session-1") ? 0 : 1;
            }
        }
        if (refused == 0) {
            return; // the minute turned while the noise was made: the other repetition checks it
        }
        assertThat(refused).as("the noise used the target's budget up").isPositive();
        for (int i = 0; i < ALLOWANCE; i++) {
            assertThat(allowed("198.51.100.1", "session-1"))
                    .as("a newcomer's request " + i)
                    .isTrue();
        }
        assertThat(allowed("198.51.100.1", "session-1"))
                .as("beyond its allowance a newcomer shares the spent budget")
                .isFalse();
        assertThat(allowed("198.51.100.1", "session-2"))
                .as("another target is untouched")
                .isTrue();
    }

    @Test
    void aCrowdOfFreshAddressesStopsAtTwiceTheTargetsBudget() {
        long minute = System.currentTimeMillis() / 60_000;
        int allowed = 0;
        for (int address = 0; address < 400; address++) {
            for (int i = 0; i < ALLOWANCE; i++) {
                allowed += allowed("2001:db8::" + Integer.toHexString(address), "round-9") ? 1 : 0;
            }
        }
        assumeTrue(minute == System.currentTimeMillis() / 60_000, "the counts were reset by a new minute");
        // 1,200 requests, each within its address's allowance: the ceiling is what stops them
        assertThat(allowed).isEqualTo(2 * PER_TARGET);
    }

    @Test
    void oneClientIsLimitedOnItsOwnWithRetryAfter() {
        for (int i = 0; i < PER_CLIENT; i++) {
            limits.take("registration", run + "192.0.2.1", "session-" + i);
        }
        assertThatThrownBy(() -> limits.take("registration", run + "192.0.2.1", "session-x"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                });
        limits.take("response", run + "192.0.2.1", "round-1"); // another kind of path counts apart
    }

    private boolean allowed(String client, String target) {
        return allowed(limits, client, target);
    }

    private boolean allowed(RateLimits replica, String client, String target) {
        try {
            replica.take("registration", run + "/" + client, run + "/" + target);
            return true;
        } catch (DomainException e) {
            assertThat(e.status()).isEqualTo(429);
            return false;
        }
    }
}
