package org.dialoog.conventions.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.dialoog.conventions.config.KafkaConfig;
import org.dialoog.conventions.config.MessagesConfig;
import org.dialoog.conventions.config.OutboxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the service's own topics when they are missing, before the outbox relay publishes: its
 * event topic with {@code dialoog.kafka.topic-partitions} partitions and its dead-letter topic with
 * one, and the messages topic with its short retention. A broker that creates topics on first use would give the event topic its default partition
 * count, fixed from then on. Topics that exist (e.g. Strimzi {@code KafkaTopic}s) are left as they
 * are; a broker that does not answer within a few seconds is not waited for (readiness is the
 * database alone, ADR 0014), and a warning says the topics were not checked.
 */
@ApplicationScoped
public class TopicsAtStart {

    private static final Logger LOG = Logger.getLogger(TopicsAtStart.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConfig kafka;
    private final String eventTopic;
    private final Optional<String> deadLetterTopic;
    private final String messagesTopic;
    private final Duration messagesRetention;
    private final String bootstrapServers;

    TopicsAtStart(
            KafkaConfig kafka,
            OutboxConfig outbox,
            MessagesConfig messages,
            @ConfigProperty(name = "mp.messaging.incoming.dead-letters.topic") Optional<String> deadLetterTopic,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(kafka, outbox.topic(), deadLetterTopic, messages.topic(), messages.retention(), bootstrapServers);
    }

    TopicsAtStart(
            KafkaConfig kafka,
            String eventTopic,
            Optional<String> deadLetterTopic,
            String messagesTopic,
            Duration messagesRetention,
            String bootstrapServers) {
        this.kafka = kafka;
        this.eventTopic = eventTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.messagesTopic = messagesTopic;
        this.messagesRetention = messagesRetention;
        this.bootstrapServers = bootstrapServers;
    }

    void create(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (kafka.createTopics()) {
            ensure();
        }
    }

    /** The topics this call created (empty when all existed, or when the broker did not answer). */
    List<String> ensure() {
        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(new NewTopic(eventTopic, Optional.of(kafka.topicPartitions()), kafka.topicReplicationFactor()));
        deadLetterTopic.ifPresent(t -> wanted.add(new NewTopic(t, Optional.of(1), kafka.topicReplicationFactor())));
        // message requests may hold personal links in the clear: kept briefly, unlike the events (ADR 0015)
        wanted.add(new NewTopic(messagesTopic, Optional.of(kafka.topicPartitions()), kafka.topicReplicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(messagesRetention.toMillis()))));
        try (Admin admin = KafkaAdmin.create(bootstrapServers, TIMEOUT)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing =
                    wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.infof(
                        "Created the missing topics %s",
                        missing.stream().map(NewTopic::name).toList());
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return List.of(); // another replica, starting at the same moment, created it
            }
            warn(wanted, e);
        } catch (TimeoutException e) {
            warn(wanted, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    private static void warn(List<NewTopic> wanted, Exception e) {
        LOG.warnf(
                "Could not check or create the topics %s at start (%s): a broker that creates topics on first use "
                        + "gives them its default partitions",
                wanted.stream().map(NewTopic::name).toList(), e.getMessage());
    }
}
