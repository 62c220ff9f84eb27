package org.dialoog.engagement.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.conventions.messaging.OutboxRelay;
import org.dialoog.engagement.Api;
import org.dialoog.engagement.events.EventTypes;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** Nothing acknowledged is lost: Kafka outages and a stopped relay only delay events. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class OutboxDeliveryTest {

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void writesDuringAKafkaOutageAreAllPublishedWhenItReturns() {
        var broker = DialoogTestResource.broker();
        Set<String> ids = new HashSet<>();
        broker.stop();
        try {
            // Kafka is the messaging health group's concern; the service stays ready and takes every write
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/group/messaging")
                            .then()
                            .statusCode(503)
                            .body("status", equalTo("DOWN")));
            for (int i = 0; i < 100; i++) {
                ids.add(Api.createEngagement("Outage " + i).toString());
            }
            assertThat(ids).hasSize(100);
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/health/group/messaging")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP")));
        Map<String, List<String>> eventIds = createdEvents(ids, Duration.ofSeconds(60));
        assertThat(eventIds.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        // At-least-once on the wire; one CloudEvent id per change, which consumers deduplicate on.
        eventIds.values().forEach(v -> assertThat(new HashSet<>(v)).hasSize(1));
    }

    @Test
    void anEventCommittedWhileTheRelayIsDownIsPublishedWhenItComesBack() throws Exception {
        relay.pause();
        String id;
        try {
            id = Api.createEngagement("Crash between commit and publish").toString();
            Thread.sleep(1000);
            assertThat(unpublished(id)).isEqualTo(1);
        } finally {
            relay.resume();
        }
        assertThat(createdEvents(Set.of(id), Duration.ofSeconds(30))).containsKey(id);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(unpublished(id)).isZero());
    }

    private int unpublished(String engagementId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from outbox_event where partition_key = ? and published_at is null")) {
            ps.setString(1, engagementId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** engagement id → the ce_ids of its engagement-created events, read from the topic. */
    static Map<String, List<String>> createdEvents(Set<String> engagementIds, Duration timeout) {
        Map<String, List<String>> seen = new HashMap<>();
        TopicReader.read(
                        EventTypes.TOPIC,
                        r -> engagementIds.contains(r.key())
                                && EventTypes.ENGAGEMENT_CREATED.equals(TopicReader.header(r, "ce_type")),
                        found -> found.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(engagementIds),
                        timeout)
                .forEach(r ->
                        seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(TopicReader.header(r, "ce_id")));
        return seen;
    }
}
