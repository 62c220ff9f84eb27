package org.dialoog.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.KafkaBroker;
import org.dialoog.testkit.Rows;
import org.dialoog.testkit.ServiceProcess;
import org.dialoog.testkit.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of engagement-service (the producer) and two of session-service (a consumer of its
 * engagement events), each pair on one database, all on one broker of this test's own: writes go
 * to both producers' APIs the way a load balancer spreads them; one replica of each service is
 * killed with SIGKILL mid-stream; then the broker is stopped for a minute (the 60 s;
 * {@code -Ddialoog.scale.outage-seconds=…} changes it) and started again, and the
 * killed replicas come back under their instance ids. Every write the API acknowledged is applied
 * downstream, every event once; the API answered every request that reached a live replica without
 * a 5xx; nothing is dead-lettered; both consumer groups end balanced over both replicas.
 */
class ScaleOutTest {

    private static final String TOPIC = "dialoog.engagements";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("dialoog.scale.outage-seconds", 60));
    private static final Duration WRITE_PAUSE = Duration.ofMillis(40);
    private static final int WRITERS = 2;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "scale-" + run;
    private final String token = DevTokens.mint("scale-facilitator-" + run, List.of("facilitator"), tenant);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger refusedByADeadReplica = new AtomicInteger();
    private final AtomicInteger answersLost = new AtomicInteger();
    private final AtomicInteger acknowledgedDuringOutage = new AtomicInteger();
    private final AtomicBoolean brokerDown = new AtomicBoolean();
    private final AtomicBoolean writing = new AtomicBoolean(true);

    @Test
    void twoReplicasThroughACrashAndAKafkaOutageApplyEveryAcknowledgedWriteOnceAndStayBalanced() throws Exception {
        long started = System.nanoTime();
        Path brokerDir = Path.of("target", "kafka-scale-" + run);
        try (KafkaBroker broker = new KafkaBroker(brokerDir, KafkaBroker.freePort());
                TestDatabase engagementDb = TestDatabase.create("dialoog_engagement_scale");
                TestDatabase sessionDb = TestDatabase.create("dialoog_session_scale")) {
            broker.start();
            var e1 = CompletableFuture.supplyAsync(() -> replica("engagement", 1, broker, engagementDb));
            var e2 = CompletableFuture.supplyAsync(() -> replica("engagement", 2, broker, engagementDb));
            var s1 = CompletableFuture.supplyAsync(() -> replica("session", 1, broker, sessionDb));
            var s2 = CompletableFuture.supplyAsync(() -> replica("session", 2, broker, sessionDb));
            List<ServiceProcess> running = new ArrayList<>();
            try {
                running.addAll(List.of(e1.join(), e2.join(), s1.join(), s2.join()));
                double startup = seconds(started);
                AtomicReferenceArray<@Nullable ServiceProcess> producers = new AtomicReferenceArray<>(2);
                producers.set(0, running.get(0));
                producers.set(1, running.get(1));
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int first = w;
                    Thread writer = new Thread(() -> write(producers, first), "writer-" + w);
                    writer.start();
                    writers.add(writer);
                }

                Thread.sleep(5_000);
                running.get(1).kill();
                running.get(3).kill();
                int atKill = acknowledged.size();
                // until the load balancer's health check takes it out, the dead replica refuses connections
                // and the writers go on to the other one
                Thread.sleep(1_000);
                producers.set(1, null);

                Thread.sleep(2_000);
                broker.stop();
                brokerDown.set(true);
                long outageStarted = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                int beforeBrokerBack = acknowledged.size();
                broker.start();
                brokerDown.set(false);
                double outage = seconds(outageStarted);
                long brokerBack = System.nanoTime();
                // the writes accepted while Kafka was down, applied downstream: measured while the replicas restart
                CompletableFuture<Double> backlogApplied = CompletableFuture.supplyAsync(() -> {
                    await().atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() ->
                                    count(sessionDb, "select count(*) from known_engagement where tenant = ?", tenant)
                                            >= beforeBrokerBack);
                    return seconds(brokerBack);
                });

                var e2again = CompletableFuture.supplyAsync(() -> replica("engagement", 2, broker, engagementDb));
                var s2again = CompletableFuture.supplyAsync(() -> replica("session", 2, broker, sessionDb));
                running.set(1, e2again.join());
                running.set(3, s2again.join());
                producers.set(1, running.get(1));
                double restart = seconds(brokerBack);
                Thread.sleep(5_000);
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join(30_000);
                }
                long writesDone = System.nanoTime();

                Set<UUID> acked = new HashSet<>(acknowledged);
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> count(
                                        sessionDb,
                                        "select count(*) from known_engagement where tenant = ?"
                                                + " and id = any(cast(? as uuid[]))",
                                        tenant,
                                        acked.stream().map(UUID::toString).toArray(String[]::new))
                                == acked.size());
                double catchUp = seconds(writesDone);
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> outboxIds(engagementDb).equals(appliedIds(sessionDb)));

                long engagements = count(engagementDb, "select count(*) from engagement where tenant = ?", tenant);
                Set<String> published = outboxIds(engagementDb);
                Map<String, Integer> onTopic = recordsPerEventId(broker);
                long duplicatesOnTopic = onTopic.values().stream()
                        .filter(n -> n > 1)
                        .mapToLong(n -> n - 1)
                        .sum();
                Map<String, Map<String, Integer>> sessionGroup = awaitBalanced(broker, "session-service");
                Map<String, Map<String, Integer>> engagementGroup = awaitBalanced(broker, "engagement-service");

                System.out.printf(
                        Locale.ROOT,
                        "ScaleOutTest: %d writes acknowledged (%d before the kill, %d while Kafka was down for %.1f s),"
                                + " answers %s, %d refused by the killed replica and sent to the other,"
                                + " %d in flight at the kill; start %.1f s, broker back to both replicas ready %.1f s,"
                                + " broker back to the outage's writes applied %.1f s,"
                                + " last write to all applied downstream %.2f s; %d engagements, %d events,"
                                + " %d records on the topic (%d republished); members %s / %s; total %.1f s%n",
                        acked.size(),
                        atKill,
                        acknowledgedDuringOutage.get(),
                        outage,
                        statuses,
                        refusedByADeadReplica.get(),
                        answersLost.get(),
                        startup,
                        restart,
                        backlogApplied.join(),
                        catchUp,
                        engagements,
                        published.size(),
                        onTopic.values().stream().mapToInt(Integer::intValue).sum(),
                        duplicatesOnTopic,
                        sessionGroup,
                        engagementGroup,
                        seconds(started));

                assertThat(statuses.keySet())
                        .as("every answer a live replica gave")
                        .containsOnly(201);
                // per writer: the request in flight at the kill, and one sent on a pooled connection to the
                // dead replica (a reset, not a refusal: nothing tells the writer whether it arrived)
                assertThat(answersLost.get())
                        .as("only requests in flight at the kill")
                        .isLessThanOrEqualTo(2 * WRITERS);
                assertThat(acknowledgedDuringOutage.get())
                        .as("writes accepted while Kafka was down")
                        .isPositive();
                assertThat(engagements)
                        .as("every committed write, acknowledged or lost in the kill")
                        .isBetween((long) acked.size(), (long) acked.size() + answersLost.get());
                assertThat(count(sessionDb, "select count(*) from known_engagement where tenant = ?", tenant))
                        .as("each engagement once in the consumer's read model")
                        .isEqualTo(engagements);
                assertThat(appliedIds(sessionDb))
                        .as("every event applied, once")
                        .isEqualTo(published);
                assertThat(onTopic.keySet()).as("no event lost on the way").isEqualTo(published);
                // the relay killed mid-batch left rows Kafka had acknowledged: the next one read them back (#16)
                assertThat(duplicatesOnTopic).as("no event published twice").isZero();
                assertThat(count(sessionDb, "select count(*) from dead_letter")).isZero();
                assertThat(count(engagementDb, "select count(*) from dead_letter"))
                        .isZero();
                assertThat(sessionGroup).containsOnlyKeys(instance("session", 1), instance("session", 2));
                assertThat(engagementGroup).containsOnlyKeys(instance("engagement", 1), instance("engagement", 2));
            } finally {
                writing.set(false);
                for (var starting : List.of(e1, e2, s1, s2)) {
                    ServiceProcess p = starting.handle((ready, failed) -> ready).join();
                    if (p != null && !running.contains(p)) {
                        p.close(); // started while another failed, or killed and replaced
                    }
                }
                running.forEach(ServiceProcess::close);
            }
        }
    }

    /** A replica is its instance id: a restart comes back under the same one (a pod keeps its name). */
    private ServiceProcess replica(String service, int n, KafkaBroker broker, TestDatabase db) {
        return ServiceProcess.start(
                service, broker, db, Map.of("DIALOOG_KAFKA_INSTANCE_ID", instance(service, n)), List.of());
    }

    private String instance(String service, int n) {
        return service + "-" + n + "-" + run;
    }

    /** One writer: creates engagements, spreading them over the live replicas like a round-robin load balancer. */
    private void write(AtomicReferenceArray<@Nullable ServiceProcess> producers, int first) {
        int next = first;
        while (writing.get()) {
            ServiceProcess target = producers.get(next++ % 2);
            if (target == null) {
                target = producers.get(next++ % 2);
            }
            if (target != null && !create(target)) {
                ServiceProcess other = producers.get(next++ % 2); // nothing was sent: try the next replica
                if (other != null) {
                    create(other);
                }
            }
            try {
                Thread.sleep(WRITE_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One create; false when the replica refused the connection (nothing sent). */
    private boolean create(ServiceProcess replica) {
        String body = "{\"title\":\"Schaal " + run + "\",\"kind\":\"CITIZEN_PARTICIPATION\","
                + "\"objectives\":[\"BUILD_TRUST\"],\"clientOrganisation\":\"Gemeente\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/v1/engagements"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                    .incrementAndGet();
            if (response.statusCode() == 201) {
                String location = response.headers().firstValue("Location").orElseThrow();
                acknowledged.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
                if (brokerDown.get()) {
                    acknowledgedDuringOutage.incrementAndGet();
                }
            }
        } catch (ConnectException e) {
            refusedByADeadReplica.incrementAndGet();
            return false;
        } catch (IOException e) {
            answersLost.incrementAndGet(); // sent, and the replica died before it answered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** The members of a group by instance id, each with its number of partitions per topic, once the assignment is even. */
    private static Map<String, Map<String, Integer>> awaitBalanced(KafkaBroker broker, String group) {
        Map<String, Map<String, Integer>> members = new HashMap<>();
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    members.clear();
                    members.putAll(assignment(broker, group));
                    return members.size() == 2 && balanced(members);
                });
        return members;
    }

    private static boolean balanced(Map<String, Map<String, Integer>> members) {
        Set<String> topics = new HashSet<>();
        members.values().forEach(m -> topics.addAll(m.keySet()));
        for (String topic : topics) {
            List<Integer> counts =
                    members.values().stream().map(m -> m.getOrDefault(topic, 0)).toList();
            int total = counts.stream().mapToInt(Integer::intValue).sum();
            if (total != KafkaBroker.TOPICS.getOrDefault(topic, total)
                    || counts.stream().mapToInt(Integer::intValue).max().orElse(0)
                                    - counts.stream()
                                            .mapToInt(Integer::intValue)
                                            .min()
                                            .orElse(0)
                            > 1) {
                return false;
            }
        }
        return !topics.isEmpty();
    }

    /** Per instance id (channel suffix removed), the partitions each topic gave its members. */
    private static Map<String, Map<String, Integer>> assignment(KafkaBroker broker, String group) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            ConsumerGroupDescription described = Objects.requireNonNull(admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(group));
            Map<String, Map<String, Integer>> out = new HashMap<>();
            for (MemberDescription m : described.members()) {
                String id = m.groupInstanceId().orElse("dynamic " + m.consumerId());
                String instance = id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : id;
                Map<String, Integer> topics = out.computeIfAbsent(instance, k -> new HashMap<>());
                for (TopicPartition tp : m.assignment().topicPartitions()) {
                    topics.merge(tp.topic(), 1, Integer::sum);
                }
            }
            return out;
        }
    }

    /** How often each of this run's events is on the topic (more than once: republished after a crash). */
    private Map<String, Integer> recordsPerEventId(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.getOrDefault(tp, 0L))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (tenant.equals(header(r.headers().lastHeader("ce_tenant")))) {
                        out.merge(Objects.requireNonNull(header(r.headers().lastHeader("ce_id"))), 1, Integer::sum);
                    }
                });
            }
        }
        return out;
    }

    private static @Nullable String header(@Nullable Header h) {
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Set<String> outboxIds(TestDatabase db) throws SQLException {
        return strings(db, "select id::text from outbox_event where tenant = ? and published_at is not null");
    }

    private Set<String> appliedIds(TestDatabase db) throws SQLException {
        return strings(
                db,
                "select substring(event_id from position(':' in event_id) + 1) from processed_event"
                        + " where tenant = ? and consumer = 'engagement-events'");
    }

    private Set<String> strings(TestDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db);
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static long count(TestDatabase db, String sql, Object... params) throws SQLException {
        try (Connection c = connect(db)) {
            return Rows.count(c, sql, params);
        }
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), TestDatabase.username(), TestDatabase.password());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
