package org.dialoog.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;
import org.dialoog.testkit.ServiceProcess;
import org.dialoog.testkit.TestDatabase;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * A consumer stopped (SIGTERM, as in a rolling deployment) while it works through a long stream
 * loses nothing and dead-letters nothing: what it had not committed is applied after the restart,
 * each event once. The consumer under test is the real engagement-service jar (the inbox is the
 * same code in every service, see deploy/check-conventions), with its own database, consumer group
 * and dead-letter topic, so nothing else on the test broker counts.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class ShutdownRedeliveryTest {

    private static final String TOPIC = "dialoog.feedback";
    private static final String ROUND_OPENED = "nl.dialoog.feedback.feedback-round-opened.v1";
    private static final int EVENTS = 8_000;

    @Test
    void eventsInFlightWhenAServiceStopsAreAppliedOnceAfterTheRestartAndNeverDeadLettered() throws Exception {
        var broker = DialoogTestResource.broker();
        String tenant = "shutdown-" + UUID.randomUUID().toString().substring(0, 8);
        String deadLetters = "dialoog.test.dead-letters." + UUID.randomUUID();
        List<ProducerRecord<String, String>> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            UUID engagement = new UUID(0x5157L, i % 50);
            String data = DocumentedEvents.example(
                    "feedback-service",
                    ROUND_OPENED,
                    Map.of(
                            "roundId",
                            UUID.randomUUID().toString(),
                            "engagementId",
                            engagement.toString(),
                            "tenant",
                            tenant));
            events.add(EventPublisher.event(
                    TOPIC,
                    "urn:dialoog:feedback-service",
                    UUID.randomUUID().toString(),
                    ROUND_OPENED,
                    engagement,
                    tenant,
                    data));
        }
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.sendAll(events);
        }
        Map<String, String> env = Map.of("DIALOOG_KAFKA_GROUP", "shutdown-" + UUID.randomUUID());
        List<String> args = List.of(
                "-Dmp.messaging.incoming.feedback-events.dead-letter-queue.topic=" + deadLetters,
                "-Dmp.messaging.incoming.session-events.dead-letter-queue.topic=" + deadLetters,
                "-Dmp.messaging.incoming.dead-letters.topic=" + deadLetters);
        try (TestDatabase db = TestDatabase.create("dialoog_engagement_shutdown")) {
            String seen = "select count(*) from feedback_round_seen where tenant = '" + tenant + "'";
            long atStop;
            ServiceProcess first = ServiceProcess.start("engagement", broker, db, env, args);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> count(db, seen) > 0);
            } finally {
                first.close(); // SIGTERM while the stream is being applied
            }
            atStop = count(db, seen);
            assertThat(atStop).as("stopped mid-stream").isLessThan(EVENTS);
            assertThat(count(db, "select count(*) from dead_letter")).isZero();

            ServiceProcess second = ServiceProcess.start("engagement", broker, db, env, args);
            try {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> count(db, seen) == EVENTS);
                assertThat(count(db, "select count(*) from processed_event where tenant = '" + tenant + "'"))
                        .isEqualTo(EVENTS);
                assertThat(count(db, "select count(*) from dead_letter")).isZero();
            } finally {
                second.close();
            }
        }
        assertThat(TopicReader.read(deadLetters, r -> true, 1, Duration.ofSeconds(5)))
                .isEmpty();
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(db.jdbcUrl(), TestDatabase.username(), TestDatabase.password());
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
