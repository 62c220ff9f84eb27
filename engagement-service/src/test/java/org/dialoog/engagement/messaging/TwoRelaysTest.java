package org.dialoog.engagement.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.Api.facilitator;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dialoog.engagement.Api;
import org.dialoog.engagement.config.OutboxConfig;
import org.dialoog.local.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** A second relay on the same outbox (a second replica): every event still goes out in commit order per engagement. */
@QuarkusTest
@WithTestResource(value = DialoogTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class TwoRelaysTest {

    @Inject
    AgroalDataSource agroal;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Test
    void twoRelaysPublishEveryEventInOrderPerEngagement() throws Exception {
        OutboxRelay second = new OutboxRelay(agroal, config, new SimpleMeterRegistry(), DialoogTestResource.broker().bootstrapServers());
        second.start(new StartupEvent());
        List<UUID> engagements = new ArrayList<>();
        try {
            for (int e = 0; e < 4; e++) {
                UUID id = Api.createEngagement("Relays " + e);
                engagements.add(id);
                for (int v = 1; v <= 8; v++) {
                    facilitator().contentType("application/merge-patch+json").body(Map.of("title", "Relays " + e + " v" + v))
                            .patch("/api/v1/engagements/" + id).then().statusCode(200);
                }
            }
            for (UUID id : engagements) {
                List<String> committed = committedEventIds(id);
                assertThat(committed).hasSize(9);
                List<String> published = publishedEventIds(id, committed.size());
                // Duplicates would be absorbed by consumers; order and completeness are what matter.
                assertThat(new ArrayList<>(new LinkedHashSet<>(published))).containsExactlyElementsOf(committed);
            }
        } finally {
            second.stop(new ShutdownEvent());
        }
    }

    private List<String> committedEventIds(UUID engagement) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from outbox_event where partition_key = ? order by seq")) {
            ps.setString(1, engagement.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static List<String> publishedEventIds(UUID engagement, int expected) {
        Map<String, List<String>> byKey = new HashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DialoogTestResource.broker().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EventTypes.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && new LinkedHashSet<>(byKey.getOrDefault(engagement.toString(), List.of())).size() < expected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                }
            }
        }
        return byKey.getOrDefault(engagement.toString(), List.of());
    }
}
