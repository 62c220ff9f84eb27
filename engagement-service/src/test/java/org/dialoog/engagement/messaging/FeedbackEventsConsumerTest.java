package org.dialoog.engagement.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.engagement.Api.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.EventPublisher;
import org.junit.jupiter.api.Test;

/** engagement-service consumes feedback facts with the same inbox and dead letters as the other services. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class FeedbackEventsConsumerTest {

    @Inject
    DataSource dataSource;

    @Test
    void openedRoundsAreKeptOnceAndBrokenEventsBecomeDeadLetters() throws Exception {
        UUID engagement = UUID.randomUUID();
        UUID round = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String opened =
                "{\"roundId\":\"%s\",\"engagementId\":\"%s\",\"sessionId\":null,\"tenant\":\"demo\",\"audience\":\"PARTICIPANTS\",\"opensAt\":null,\"closesAt\":null}"
                        .formatted(round, engagement);
        String broken = "broken-" + UUID.randomUUID();
        try (EventPublisher producer = new EventPublisher()) {
            send(producer, eventId, engagement, opened);
            send(producer, eventId, engagement, opened);
            send(producer, broken, engagement, "{\"engagementId\":\"" + engagement + "\"}");
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                count("select count(*) from feedback_round_seen where round_id = '" + round + "'"))
                        .isEqualTo(1));
        assertThat(count("select count(*) from processed_event where event_id = 'feedback-events:" + eventId + "'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> ids = admin().get("/api/v1/dead-letters")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.eventId");
            assertThat(ids).contains(broken);
        });
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void send(EventPublisher producer, String id, UUID engagement, String data) {
        producer.send(
                "dialoog.feedback",
                "urn:dialoog:feedback-service",
                id,
                "nl.dialoog.feedback.feedback-round-opened.v1",
                engagement,
                "demo",
                data);
    }
}
