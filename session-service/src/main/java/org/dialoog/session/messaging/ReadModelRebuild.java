package org.dialoog.session.messaging;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.common.TopicPartition;
import org.dialoog.conventions.security.Caller;

/**
 * Rebuilds the caller's tenant's engagement read model by replaying the engagement topic from
 * the start: the tenant's rows and its processed-event marks are dropped, then the consumer seeks
 * to the beginning. Other tenants' events are skipped as already processed.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private final EntityManager em;
    private final Caller caller;
    private final KafkaClientService kafka;

    ReadModelRebuild(EntityManager em, Caller caller, KafkaClientService kafka) {
        this.em = em;
        this.caller = caller;
        this.kafka = kafka;
    }

    /** Returns the partitions this instance rewound. */
    public Set<TopicPartition> rebuildEngagements() {
        forget();
        var consumer = kafka.<String, String>getConsumer(EngagementEventsConsumer.NAME);
        Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
        consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
        return assigned;
    }

    @Transactional
    void forget() {
        // Bulk HQL is tenant-scoped by Hibernate like every other query.
        em.createQuery("delete from KnownEngagement").executeUpdate();
        em.createQuery("delete from KnownParticipant").executeUpdate();
        em.createNativeQuery("delete from processed_event where consumer = ?1 and tenant = ?2")
                .setParameter(1, EngagementEventsConsumer.NAME)
                .setParameter(2, caller.tenant().orElseThrow())
                .executeUpdate();
    }
}
