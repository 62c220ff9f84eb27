package org.dialoog.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jspecify.annotations.Nullable;

/**
 * The one test resource of all three services: a fresh PostgreSQL database per run and a real
 * Kafka broker (one per test JVM, shared by the test classes of a module). Use it as
 * {@code @WithTestResource(value = DialoogTestResource.class, initArgs = @ResourceArg(name = "service", value = "engagement"))}.
 * With {@code @ResourceArg(name = "mail", value = "true")} the service also sends real mail, to the test JVM's
 * SMTP server ({@link MailServer#shared()}), instead of the mock mailer.
 */
public class DialoogTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT = "dialoog.test.kafka.port";
    private static final String CONTROLLER_PORT = "dialoog.test.kafka.controller-port";
    private static final String PID = "dialoog.test.kafka.pid";
    private static @Nullable KafkaBroker broker;
    private String service = "service";
    private boolean mail;
    private @Nullable TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        mail = Boolean.parseBoolean(initArgs.getOrDefault("mail", "false"));
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create("dialoog_" + service + "_test");
        KafkaBroker kafka = broker();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", TestDatabase.username());
        config.put("quarkus.datasource.password", TestDatabase.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // Consumer groups are unique per run: the broker outlives nothing, but be explicit.
        config.put("kafka.group.id", "dialoog-" + service + "-test-" + database.name());
        config.put("mp.jwt.verify.publickey.location", DevTokens.publicKeyLocation());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", DevTokens.AUDIENCE);
        if (mail) {
            config.put("quarkus.mailer.mock", "false");
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put(
                    "quarkus.mailer.port", Integer.toString(MailServer.shared().smtpPort()));
            config.put("quarkus.mailer.start-tls", "DISABLED");
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }

    /**
     * The broker of this test JVM, started on first use and stopped when the JVM exits. Quarkus
     * restarts an application (another test profile) in a new class loader, where this class's
     * statics start empty: the broker's coordinates live in system properties, so every class
     * loader drives the same broker process.
     */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            Path dir = Path.of("target", "kafka-" + ProcessHandle.current().pid());
            String port = System.getProperty(PORT);
            if (port == null) {
                broker = new KafkaBroker(dir, KafkaBroker.freePort());
                System.setProperty(PORT, Integer.toString(broker.port()));
                System.setProperty(CONTROLLER_PORT, Integer.toString(broker.controllerPort()));
                KafkaBroker first = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    first.adopt(Long.getLong(PID, -1));
                    first.stop();
                }));
            } else {
                broker = new KafkaBroker(dir, Integer.parseInt(port), Integer.getInteger(CONTROLLER_PORT));
            }
        }
        broker.recordPidIn(PID);
        broker.adopt(Long.getLong(PID, -1));
        broker.start();
        return broker;
    }
}
