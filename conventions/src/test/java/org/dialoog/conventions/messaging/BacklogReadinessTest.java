package org.dialoog.conventions.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** Readiness reports DOWN while the outbox is further behind than allowed, and UP once it catches up. */
@QuarkusTest
@TestProfile(BacklogReadinessTest.ShortBacklogAllowance.class)
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class BacklogReadinessTest {

    /** Two seconds of backlog is already too much, so the test need not wait a minute. */
    public static class ShortBacklogAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dialoog.outbox.max-backlog-age", "2s");
        }
    }

    @Inject
    OutboxRelay relay;

    @Test
    void readinessIsDownWhileTheOutboxFallsBehind() {
        relay.pause();
        try {
            Api.createNote("Backlog");
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
