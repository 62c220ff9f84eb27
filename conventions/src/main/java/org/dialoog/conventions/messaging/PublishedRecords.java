package org.dialoog.conventions.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads back which events are already on Kafka: the ids ({@code ce_id}) of the records written to
 * some topics since a moment. The relay asks only about a batch that an earlier attempt may have
 * sent without recording it (a crash between Kafka's acknowledgement and the database commit, or a
 * send that timed out after the broker had written it), so that batch is not published twice.
 */
final class PublishedRecords {

    private PublishedRecords() {}

    static Set<String> idsSince(String bootstrapServers, Collection<String> topics, Instant since, Duration timeout)
            throws TimeoutException {
        Properties p = KafkaAdmin.clientSettings(bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "dialoog-outbox-read-back");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(tp -> times.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, timeout);
            Set<TopicPartition> unread = new HashSet<>();
            for (TopicPartition tp : partitions) {
                long end = Objects.requireNonNull(ends.get(tp));
                OffsetAndTimestamp start = starts.get(tp);
                consumer.seek(tp, start == null ? end : start.offset());
                if (start != null && start.offset() < end) {
                    unread.add(tp);
                }
            }
            Set<String> ids = new HashSet<>();
            while (!unread.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Reading back " + unread + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String id = CloudEvents.header(r.headers(), "ce_id");
                    if (id != null) {
                        ids.add(id);
                    }
                }
                unread.removeIf(tp -> consumer.position(tp) >= Objects.requireNonNull(ends.get(tp)));
            }
            return ids;
        }
    }
}
