package org.dialoog.feedback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;
import org.junit.jupiter.api.Test;

/** Parties and participants reach feedback-service's read model from real engagement events, once each. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class EngagementEventsConsumerTest {

    @Inject
    DataSource dataSource;

    @Test
    void participantsArriveOnceAndLeaveAgain() throws Exception {
        UUID engagement = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        String added = UUID.randomUUID().toString();
        try (EventPublisher producer = new EventPublisher()) {
            // The producer's documented examples, with fresh ids: a contract test of this consumer.
            send(
                    producer,
                    UUID.randomUUID().toString(),
                    "party-added.v1",
                    engagement,
                    DocumentedEvents.example(
                            "engagement-service",
                            "nl.dialoog.engagement.party-added.v1",
                            Map.of("partyId", party.toString(), "engagementId", engagement.toString())));
            String participantAdded = DocumentedEvents.example(
                    "engagement-service",
                    "nl.dialoog.engagement.participant-added.v1",
                    Map.of(
                            "participantId",
                            participant.toString(),
                            "engagementId",
                            engagement.toString(),
                            "partyId",
                            party.toString()));
            send(producer, added, "participant-added.v1", engagement, participantAdded);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(count("select count(*) from known_participant where id = '"
                                    + participant + "' and party_id = '" + party + "'"))
                            .isEqualTo(1));

            send(producer, UUID.randomUUID().toString(), "participant-removed.v1", engagement, participantAdded);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                                    count("select count(*) from known_participant where id = '" + participant + "'"))
                            .isZero());
            // The added event delivered again must not bring the removed participant back.
            send(producer, added, "participant-added.v1", engagement, participantAdded);
            String marker = UUID.randomUUID().toString();
            send(
                    producer,
                    UUID.randomUUID().toString(),
                    "party-added.v1",
                    engagement,
                    "{\"partyId\":\"%s\",\"engagementId\":\"%s\",\"tenant\":\"demo\",\"name\":\"Marker\",\"type\":\"OTHER\"}"
                            .formatted(marker, engagement));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(count("select count(*) from known_party where id = '" + marker + "'"))
                                    .isEqualTo(1));
            assertThat(count("select count(*) from known_participant where id = '" + participant + "'"))
                    .isZero();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void send(EventPublisher producer, String id, String type, UUID engagement, String data) {
        producer.send(
                "dialoog.engagements",
                "urn:dialoog:engagement-service",
                id,
                "nl.dialoog.engagement." + type,
                engagement,
                "demo",
                data);
    }
}
