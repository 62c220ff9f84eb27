package org.dialoog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jspecify.annotations.Nullable;

/**
 * A real Apache Kafka broker (KRaft, one combined node) run as its own process from the jars
 * that {@code deploy/local/kafka-broker} resolves from Maven Central. Used by the tests and by
 * the local stack; it can be stopped and started again on the same port and data, which is how
 * tests simulate a Kafka outage.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The topics every Dialoog stack has, with their partition counts. */
    public static final Map<String, Integer> TOPICS = Map.of(
            "dialoog.engagements", 6,
            "dialoog.sessions", 6,
            "dialoog.feedback", 6,
            "dialoog.messages", 6,
            "dialoog.dead-letters.engagement-service", 1,
            "dialoog.dead-letters.session-service", 1,
            "dialoog.dead-letters.feedback-service", 1);

    private static final String MESSAGES = "dialoog.messages";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private @Nullable ProcessHandle process;
    private @Nullable String pidProperty;

    public KafkaBroker(Path dataDir, int port) {
        this(dataDir, port, freePort());
    }

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Takes over a broker process this JVM started earlier (Quarkus restarts tests in a new class loader). */
    public void adopt(long pid) {
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> process = p);
    }

    /** Keeps the broker's pid in a system property, so another class loader of this JVM can adopt it. */
    public void recordPidIn(String property) {
        this.pidProperty = property;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Formats the storage on first use, starts the broker, waits until it serves requests and creates the topics. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("data/meta.properties"))) {
                String clusterId = Base64Uuid.random();
                run(
                        List.of(
                                "kafka.tools.StorageTool",
                                "format",
                                "--cluster-id=" + clusterId,
                                "-c",
                                config.toString()),
                        "format");
            }
            ProcessHandle started = java(List.of("kafka.Kafka", config.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("broker.log").toFile()))
                    .redirectErrorStream(true)
                    .start()
                    .toHandle();
            process = started;
            if (pidProperty != null) {
                System.setProperty(pidProperty, Long.toString(started.pid()));
            }
            awaitReady(started, Duration.ofSeconds(60));
            createTopics();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Kafka", e);
        }
    }

    /** Stops the broker process; its data stays, so {@link #start()} brings the same cluster back. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone or not, there is nothing more to do
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("data").toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Events are the system's history: read models are rebuilt by replaying from the start.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("auto.create.topics.enable", "true");
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "Dialoog local Kafka broker (generated)");
        }
        return config;
    }

    private void awaitReady(ProcessHandle process, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + dataDir.resolve("broker.log"));
            }
            if (portOpen() && clusterAnswers()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "Kafka broker not ready within " + timeout + "; see " + dataDir.resolve("broker.log"));
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean clusterAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            TOPICS.forEach((name, partitions) -> {
                NewTopic topic = new NewTopic(name, partitions, (short) 1);
                if (name.equals(MESSAGES)) {
                    // message requests may carry a personal link: kept a week, as in deploy/k8s
                    topic.configs(Map.of("retention.ms", "604800000"));
                }
                topics.add(topic);
            });
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e);
                    }
                }
            });
        }
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(p);
    }

    private void run(List<String> mainAndArgs, String what) throws IOException, InterruptedException {
        Process p = java(mainAndArgs)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve(what + ".log").toFile()))
                .redirectErrorStream(true)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("Kafka " + what + " failed; see " + dataDir.resolve(what + ".log"));
        }
    }

    private ProcessBuilder java(List<String> mainAndArgs) throws IOException {
        Path repo = RepoRoot.find();
        Path classpathFile = repo.resolve("deploy/local/kafka-broker/target/broker.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(
                    classpathFile + " is missing: run ./mvnw -pl deploy/local/kafka-broker generate-resources");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + repo.resolve("deploy/local/kafka-broker/log4j2.properties"),
                "-cp",
                Files.readString(classpathFile).trim()));
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd);
    }

    /** A free TCP port on loopback, for brokers that must not collide with the local stack. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a broker in the foreground for the local stack: {@code KafkaBroker <port> <dataDir>}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/kafka");
        KafkaBroker broker = new KafkaBroker(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        broker.start();
        System.out.println("Kafka ready on " + broker.bootstrapServers() + " (data in " + dir.toAbsolutePath() + ")");
        Objects.requireNonNull(broker.process, "the broker did not start")
                .onExit()
                .join();
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding. */
    private static final class Base64Uuid {
        static String random() {
            String id;
            do {
                UUID u = UUID.randomUUID();
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
                b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
                id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            } while (id.startsWith("-")); // a leading dash reads as an option to the storage tool
            return id;
        }
    }
}
