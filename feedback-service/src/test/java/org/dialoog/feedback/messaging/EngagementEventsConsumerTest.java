package org.dialoog.feedback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dialoog.local.DialoogTestResource;
import org.dialoog.local.DocumentedEvents;
import org.junit.jupiter.api.Test;

/** Parties and participants reach feedback-service's read model from real engagement events, once each. */
@QuarkusTest
@WithTestResource(value = DialoogTestResource.class, scope = TestResourceScope.GLOBAL,
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
        try (KafkaProducer<String, String> producer = producer()) {
            // The producer's documented examples, with fresh ids: a contract test of this consumer.
            send(producer, UUID.randomUUID().toString(), "party-added.v1", engagement, DocumentedEvents.example("engagement-service",
                    "nl.dialoog.engagement.party-added.v1", Map.of("partyId", party.toString(), "engagementId", engagement.toString())));
            String participantAdded = DocumentedEvents.example("engagement-service", "nl.dialoog.engagement.participant-added.v1",
                    Map.of("participantId", participant.toString(), "engagementId", engagement.toString(), "partyId", party.toString()));
            send(producer, added, "participant-added.v1", engagement, participantAdded);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(count("select count(*) from known_participant where id = '" + participant + "' and party_id = '" + party + "'")).isEqualTo(1));

            send(producer, UUID.randomUUID().toString(), "participant-removed.v1", engagement, participantAdded);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(count("select count(*) from known_participant where id = '" + participant + "'")).isZero());
            // The added event delivered again must not bring the removed participant back.
            send(producer, added, "participant-added.v1", engagement, participantAdded);
            String marker = UUID.randomUUID().toString();
            send(producer, UUID.randomUUID().toString(), "party-added.v1", engagement,
                    "{\"partyId\":\"%s\",\"engagementId\":\"%s\",\"tenant\":\"demo\",\"name\":\"Marker\",\"type\":\"OTHER\"}".formatted(marker, engagement));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(count("select count(*) from known_party where id = '" + marker + "'")).isEqualTo(1));
            assertThat(count("select count(*) from known_participant where id = '" + participant + "'")).isZero();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DialoogTestResource.broker().bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String id, String type, UUID engagement, String data) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>("dialoog.engagements", engagement.toString(), data);
        r.headers().add("ce_specversion", b("1.0")).add("ce_id", b(id)).add("ce_source", b("urn:dialoog:engagement-service"))
                .add("ce_type", b("nl.dialoog.engagement." + type)).add("ce_subject", b(engagement.toString()))
                .add("ce_time", b(OffsetDateTime.now().toString())).add("ce_tenant", b("demo")).add("content-type", b("application/json"));
        producer.send(r).get();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
