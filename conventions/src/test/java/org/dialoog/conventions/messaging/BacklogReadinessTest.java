package org.dialoog.conventions.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/**
 * Readiness reports DOWN while the outbox is further behind than allowed (60 s by default), and UP
 * once it catches up. The event is made to look two minutes old rather than waiting for it, so the
 * test runs in the shared application instead of one restarted with a shorter allowance.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class BacklogReadinessTest {

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void readinessIsDownWhileTheOutboxFallsBehind() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        relay.pause();
        try {
            UUID note = Api.createNote("Backlog");
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "update outbox_event set created_at = now() - interval '2 minutes' where partition_key = ?")) {
                ps.setString(1, note.toString());
                ps.executeUpdate();
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'messaging' }.data.outbox", equalTo("behind")));
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
