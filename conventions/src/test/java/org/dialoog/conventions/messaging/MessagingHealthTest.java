package org.dialoog.conventions.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka and the outbox are the health group {@code messaging}, not readiness: while the broker is away
 * or the outbox falls behind, the group is DOWN and the service stays ready and keeps taking writes,
 * which reach their consumer once the broker is back.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class MessagingHealthTest {

    private static final Logger LOG = Logger.getLogger(MessagingHealthTest.class);
    private static final String READY = "/q/health/ready";
    private static final String MESSAGING = "/q/health/group/messaging";

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void readinessIsTheDatabaseAloneAndMessagingIsAGroupOfItsOwn() {
        LOG.infof("readiness: %s", given().get(READY).asString());
        LOG.infof("messaging: %s", given().get(MESSAGING).asString());
        given().get(READY)
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("messaging")));
        given().get(MESSAGING)
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'messaging' }.status", equalTo("UP"));
    }

    @Test
    void whileTheOutboxFallsBehindMessagingIsDownAndTheServiceStaysReady() throws Exception {
        relay.pause();
        try {
            UUID note = Api.createNote("Backlog");
            // the event is made to look two minutes old rather than waiting for the 60 s allowance
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "update outbox_event set created_at = now() - interval '2 minutes' where partition_key = ?")) {
                ps.setString(1, note.toString());
                ps.executeUpdate();
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().get(MESSAGING)
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'messaging' }.data.outbox", equalTo("behind")));
            given().get(READY).then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get(MESSAGING).then().statusCode(200));
    }

    @Test
    void whileKafkaIsDownTheServiceStaysReadyTakesWritesAndPublishesThemWhenItReturns() throws Exception {
        var broker = DialoogTestResource.broker();
        List<String> titles = new ArrayList<>();
        long started = System.nanoTime();
        broker.stop();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get(MESSAGING)
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'messaging' }.data.kafka", equalTo("unreachable")));
            LOG.infof("readiness, Kafka down: %s", given().get(READY).asString());
            LOG.infof("messaging, Kafka down: %s", given().get(MESSAGING).asString());
            for (int i = 0; i < 20; i++) {
                String title = "Outage " + UUID.randomUUID();
                Api.createNote(title); // 201: the outbox keeps the event
                titles.add(title);
            }
            given().get(READY).then().statusCode(200).body("status", equalTo("UP"));
            assertThat(seen(titles)).as("nothing can be published yet").isZero();
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get(MESSAGING).then().statusCode(200));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(seen(titles)).isEqualTo(titles.size()));
        LOG.infof(
                "Kafka outage: %d writes accepted, all applied by the consumer %d ms after the broker stopped",
                titles.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** How many of these notes the test application's consumer applied (each once: the inbox deduplicates). */
    private int seen(List<String> titles) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from note_seen where title = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", titles.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
