package org.dialoog.conventions.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.dialoog.conventions.config.KafkaConfig;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** A service creates its own missing topics at start with the configured partitions, and leaves existing ones alone. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class TopicsAtStartTest {

    @Inject
    KafkaConfig kafka;

    @Test
    void missingTopicsAreCreatedWithTheirPartitionsAndExistingOnesLeftAlone() throws Exception {
        String events = "dialoog.test.events-" + UUID.randomUUID();
        String deadLetters = "dialoog.test.dead-letters-" + UUID.randomUUID();
        String messages = "dialoog.test.messages-" + UUID.randomUUID();
        String bootstrap = DialoogTestResource.broker().bootstrapServers();
        TopicsAtStart topics =
                new TopicsAtStart(kafka, events, Optional.of(deadLetters), messages, Duration.ofDays(7), bootstrap);

        assertThat(topics.ensure()).containsExactlyInAnyOrder(events, deadLetters, messages);
        try (Admin admin = KafkaAdmin.create(bootstrap, Duration.ofSeconds(10))) {
            var messagesConfig = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, messages)))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .values()
                    .iterator()
                    .next();
            // personal links in the clear are kept a week, not forever like the events
            assertThat(messagesConfig.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            Map<String, TopicDescription> created = admin.describeTopics(List.of(events, deadLetters))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertThat(created).containsKeys(events, deadLetters);
            assertThat(java.util.Objects.requireNonNull(created.get(events)).partitions())
                    .hasSize(kafka.topicPartitions());
            assertThat(java.util.Objects.requireNonNull(created.get(deadLetters))
                            .partitions())
                    .hasSize(1);
        }
        // a second replica starting later finds them and changes nothing
        assertThat(topics.ensure()).isEmpty();
    }

    @Test
    void aBrokerThatDoesNotAnswerIsNotWaitedForLongerThanAFewSeconds() {
        TopicsAtStart topics = new TopicsAtStart(
                kafka,
                "dialoog.test.unreachable",
                Optional.empty(),
                "dialoog.test.unreachable-messages",
                Duration.ofDays(7),
                "127.0.0.1:" + unusedPort());
        long started = System.nanoTime();
        assertThat(topics.ensure()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    private static int unusedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
