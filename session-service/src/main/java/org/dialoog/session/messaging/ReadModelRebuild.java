package org.dialoog.session.messaging;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.common.TopicPartition;
import org.dialoog.session.service.EngagementReadModel;

/**
 * Rebuilds the caller's tenant's engagement read model by replaying the engagement topic from
 * the start: the tenant's rows and its processed-event marks are dropped, then the consumer seeks
 * to the beginning. Other tenants' events are skipped as already processed.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private final EngagementReadModel readModel;
    private final KafkaClientService kafka;

    ReadModelRebuild(EngagementReadModel readModel, KafkaClientService kafka) {
        this.readModel = readModel;
        this.kafka = kafka;
    }

    /** Returns the partitions this instance rewound. */
    public Set<TopicPartition> rebuildEngagements() {
        readModel.forgetTenant(EngagementEventsConsumer.NAME);
        var consumer = kafka.<String, String>getConsumer(EngagementEventsConsumer.NAME);
        Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
        consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
        return assigned;
    }
}
