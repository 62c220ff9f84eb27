package org.dialoog.conventions.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;

import io.smallrye.reactive.messaging.ClientCustomizer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.dialoog.conventions.config.KafkaConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes every Kafka consumer of the service a static member of its group, named after the replica
 * and the channel, with a short session timeout (ADR 0012): a replica restarted after a crash gets
 * its partitions back as soon as it rejoins, instead of after the dead member's session timeout.
 * On a clean shutdown it takes its members out of their groups, so other replicas take over at once.
 */
@ApplicationScoped
public class StaticGroupMembership implements ClientCustomizer<Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(StaticGroupMembership.class);
    /** Kafka accepts the characters of topic names in a group instance id. */
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-zA-Z0-9._-]");

    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaConfig config;
    private final String instanceId;
    private final String bootstrapServers;
    /** For each consumer group, the group instance ids this process joined it with. */
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();

    StaticGroupMembership(
            KafkaConfig config,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.instanceId = config.instanceId().orElseGet(() -> hostName() + "-" + httpPort);
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> kafka) {
        Object group = kafka.get(ConsumerConfig.GROUP_ID_CONFIG);
        // SmallRye hands producer settings (outgoing channels, dead-letter queues) here too; they have no group
        if (group == null || !kafka.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)) {
            return kafka;
        }
        Map<String, Object> consumer = new HashMap<>(kafka);
        consumer.putIfAbsent(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                Long.toString(config.sessionTimeout().toMillis()));
        consumer.putIfAbsent(
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Long.toString(config.heartbeatInterval().toMillis()));
        if (config.staticMembership() && !consumer.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            // channels of one service may share a group: the channel's name keeps their members apart
            String name = instanceId + "." + channel;
            if (channelConfig.getOptionalValue("partitions", Integer.class).orElse(1) > 1) {
                // several consumers on one channel: SmallRye numbers their client ids
                name = name + "." + consumer.get(ConsumerConfig.CLIENT_ID_CONFIG);
            }
            String id = NOT_ALLOWED.matcher(name).replaceAll("_");
            consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
            members.computeIfAbsent(group.toString(), g -> ConcurrentHashMap.newKeySet())
                    .add(id);
        }
        return consumer;
    }

    /**
     * A static member does not leave its group when its consumer closes, so a replica that stops
     * for good (a rolling deployment gives the new pod a new name) would hold its partitions for a
     * session timeout. Runs after the Kafka connector has closed the consumers and committed their
     * offsets (its observer has priority 50).
     */
    void leaveGroups(
            @Observes(notifyObserver = Reception.IF_EXISTS) @Priority(100) @BeforeDestroyed(ApplicationScoped.class)
                    Object event) {
        if (members.isEmpty()) {
            return;
        }
        Admin admin = KafkaAdmin.create(bootstrapServers, LEAVE_TIMEOUT);
        try {
            List<KafkaFuture<Void>> removals = new ArrayList<>();
            members.forEach((group, ids) -> removals.add(admin.removeMembersFromConsumerGroup(
                            group,
                            new RemoveMembersFromConsumerGroupOptions(
                                    ids.stream().map(MemberToRemove::new).toList()))
                    .all()));
            KafkaFuture.allOf(removals.toArray(new KafkaFuture<?>[0]))
                    .get(LEAVE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the broker hands these partitions to the other replicas after the session timeout
            LOG.infof("Could not take the consumers %s out of their groups: %s", members, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
