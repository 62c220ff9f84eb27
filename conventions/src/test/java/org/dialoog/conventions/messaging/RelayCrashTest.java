package org.dialoog.conventions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.dialoog.conventions.config.MessagesConfig;
import org.dialoog.conventions.config.OutboxConfig;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * A relay that dies between Kafka's acknowledgement and its database commit leaves its batch
 * unpublished in the outbox although Kafka has it; the relay after it must not send it again.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class RelayCrashTest {

    @Inject
    AgroalDataSource agroal;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MessagesConfig messages;

    @Inject
    EventTracing tracing;

    @Inject
    OutboxRelay relay;

    @Test
    void aBatchAcknowledgedByKafkaButNotRecordedIsNotPublishedAgain() throws Exception {
        relay.pause();
        OutboxRelay crashing = new OutboxRelay(
                agroal,
                config,
                messages,
                tracing,
                new SimpleMeterRegistry(),
                DialoogTestResource.broker().bootstrapServers());
        AtomicInteger crashes = new AtomicInteger();
        crashing.afterAcknowledged = () -> {
            if (crashes.getAndIncrement() == 0) {
                throw new IllegalStateException("the relay dies after Kafka acknowledged its batch");
            }
        };
        List<UUID> notes = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                notes.add(Api.createNote("Crash " + i));
            }
            Set<String> keys = notes.stream().map(UUID::toString).collect(Collectors.toSet());
            crashing.start(new StartupEvent());
            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(keys) == 0);

            // the first attempt got as far as Kafka's acknowledgement, then its transaction rolled back
            assertThat(crashes.get()).isGreaterThanOrEqualTo(2);
            List<String> published =
                    TopicReader.read(config.topic(), r -> keys.contains(r.key()), found -> false, Duration.ofSeconds(3))
                            .stream()
                            .map(r -> TopicReader.header(r, "ce_id"))
                            .toList();
            Map<String, Long> times =
                    published.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(new HashSet<>(published)).containsExactlyInAnyOrderElementsOf(outboxIds(keys));
            assertThat(times)
                    .allSatisfy((id, n) ->
                            assertThat(n).as("times %s was published", id).isEqualTo(1));
        } finally {
            crashing.stop(new ShutdownEvent());
            relay.resume();
        }
    }

    private long unpublished(Set<String> keys) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from outbox_event where published_at is null and partition_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> outboxIds(Set<String> keys) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from outbox_event where partition_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        assertThat(ids).hasSize(5);
        return ids;
    }
}
