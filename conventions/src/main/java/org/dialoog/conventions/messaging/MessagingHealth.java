package org.dialoog.conventions.messaging;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.dialoog.conventions.config.OutboxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether events flow: Kafka answers and the outbox keeps up. Served as its own health group,
 * {@code /q/health/group/messaging}, and deliberately not part of readiness: with the broker gone
 * the API still accepts every write (the outbox keeps it), so taking the pod out of its Service
 * would only turn a delay of events into refused requests. Readiness is the database alone.
 */
@HealthGroup(MessagingHealth.GROUP)
@ApplicationScoped
public class MessagingHealth implements HealthCheck {

    /** The health group's name: {@code /q/health/group/messaging}. */
    public static final String GROUP = "messaging";

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Admin admin;

    MessagingHealth(
            OutboxRelay relay,
            OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.relay = relay;
        this.config = config;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        this.admin = Admin.create(p);
    }

    /** Connects at start-up, on the admin client's own thread, so the first probe does not wait for it. */
    void connectEarly(@Observes StartupEvent event) {
        // fire and forget: the answer only warms the connection; the check asks again itself
        var unused = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                .clusterId();
    }

    @Override
    public HealthCheckResponse call() {
        var answer = HealthCheckResponse.named(GROUP)
                .withData("outboxBacklog", relay.backlog())
                .withData(
                        "oldestUnpublishedSeconds", relay.oldestUnpublishedAge().toSeconds());
        try {
            String cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .clusterId()
                    .get(3, TimeUnit.SECONDS);
            answer.withData("kafkaCluster", cluster);
        } catch (Exception e) {
            return answer.withData("kafka", "unreachable").down().build();
        }
        if (relay.oldestUnpublishedAge().compareTo(config.maxBacklogAge()) > 0) {
            return answer.withData("outbox", "behind").down().build();
        }
        return answer.up().build();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
