package org.dialoog.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.testkit.DialoogTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Readiness follows the database: DOWN while it refuses connections, UP again without a restart. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class ReadinessTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpWhenItReturns() throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        given().get("/q/health/ready").then().statusCode(200);
        try {
            sql(admin, "alter database " + database + " allow_connections false");
            sql(admin, "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            dataSource.flush(io.agroal.api.AgroalDataSource.FlushMode.ALL);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("status", equalTo("DOWN")));
        } finally {
            sql(admin, "alter database " + database + " allow_connections true");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    private static void sql(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        url, org.dialoog.testkit.TestDatabase.username(), org.dialoog.testkit.TestDatabase.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
