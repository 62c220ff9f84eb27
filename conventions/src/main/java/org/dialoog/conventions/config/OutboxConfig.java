package org.dialoog.conventions.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay that publishes committed events to Kafka. */
@ConfigMapping(prefix = "dialoog.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay; several replicas may, only one publishes at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most events published in one batch. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait for a NOTIFY before looking at the outbox again anyway. */
    @WithDefault("500ms")
    Duration idleWait();

    /** The messaging health group ({@code /q/health/group/messaging}) is DOWN when the oldest unpublished event is older. */
    @WithDefault("60s")
    Duration maxBacklogAge();

    /** The topic this service publishes its events to. */
    String topic();

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code urn:dialoog:session-service}. */
    @WithDefault("urn:dialoog:${quarkus.application.name}")
    String source();
}
