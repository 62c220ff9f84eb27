package org.dialoog.conventions.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service's Kafka consumers hold their place in their consumer groups (ADR 0012). */
@ConfigMapping(prefix = "dialoog.kafka")
public interface KafkaConfig {

    /**
     * Whether every consumer joins its group as a static member ({@code group.instance.id}): a
     * replica that comes back under the same instance id after a crash gets its partitions back at
     * once, instead of after the dead member's session timeout. Off: Kafka's dynamic membership.
     */
    @WithDefault("true")
    boolean staticMembership();

    /**
     * This replica's name (environment {@code DIALOOG_KAFKA_INSTANCE_ID}): the same after a restart
     * of the replica, different from every other running replica of the service. Unset: the host
     * name ({@code HOSTNAME}, in Kubernetes the pod's name, which survives a container restart)
     * and the HTTP port, so two replicas on one machine differ. Each channel adds its own name.
     */
    Optional<String> instanceId();

    /**
     * How long the broker waits for a silent consumer before it hands its partitions to the others
     * (Kafka's {@code session.timeout.ms}; the broker accepts 6 s at least). A channel's own
     * {@code session.timeout.ms} wins.
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How often a consumer tells the broker it is alive (Kafka's {@code heartbeat.interval.ms}):
     * about a third of the session timeout. A channel's own {@code heartbeat.interval.ms} wins.
     */
    @WithDefault("3s")
    Duration heartbeatInterval();

    /**
     * Whether the service creates its own topics (the one it publishes its events to, and its
     * dead-letter topic) at start when they are missing. Where topics are managed elsewhere (Strimzi
     * {@code KafkaTopic}, deploy/k8s) they exist and nothing happens; a broker that cannot be
     * reached at start is not waited for.
     */
    @WithDefault("true")
    boolean createTopics();

    /** Partitions of the event topic when the service creates it: at most this many replicas share its consumers. */
    @WithDefault("6")
    int topicPartitions();

    /** Replicas of each partition of a topic the service creates; unset: the broker's default. */
    Optional<Short> topicReplicationFactor();
}
