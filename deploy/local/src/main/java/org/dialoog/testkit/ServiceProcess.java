package org.dialoog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Another Dialoog service, started from its built jar as a real process next to the service
 * under test: for tests that cross a service boundary through Kafka (the reactor builds the
 * producer before its consumers). Gets its own fresh database; stopped and dropped on close.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, TestDatabase database, boolean ownsDatabase, int port, Path log) {
        this.process = process;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code <name>-service} against the given broker and waits until it is ready. */
    public static ServiceProcess start(String name, KafkaBroker broker) {
        return start(name, broker, null, Map.of(), List.of());
    }

    /**
     * Starts {@code <name>-service} on the given database (kept on close: the caller owns it, so a
     * second process can take over where the first stopped), with extra environment variables and
     * JVM arguments (system properties override configuration).
     */
    public static ServiceProcess start(
            String name,
            KafkaBroker broker,
            @Nullable TestDatabase database,
            Map<String, String> extraEnv,
            List<String> jvmArgs) {
        Path repo = RepoRoot.find();
        Path jar = repo.resolve(name + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + name
                    + "-service first (./mvnw verify builds it before its consumers)");
        }
        boolean owned = database == null;
        TestDatabase db = database != null ? database : TestDatabase.create("dialoog_" + name + "_peer");
        int port = KafkaBroker.freePort();
        Path log = Path.of("target", name + "-service-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + repo.resolve("deploy/jvm.options")));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_PROFILE", "local");
        env.put("PORT", Integer.toString(port));
        env.put("DIALOOG_DB_URL", db.jdbcUrl());
        env.put("DIALOOG_DB_USER", TestDatabase.username());
        env.put("DIALOOG_DB_PASSWORD", TestDatabase.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put(
                "DIALOOG_JWT_PUBLIC_KEY_LOCATION",
                "file:" + repo.resolve("deploy/local/src/main/resources/dev-keys/public.pem"));
        env.put("DIALOOG_JWT_ISSUER", DevTokens.ISSUER);
        env.putAll(extraEnv);
        try {
            Files.createDirectories(log.getParent());
            Process process =
                    pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess service = new ServiceProcess(process, db, owned, port, log);
            service.awaitReady(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            if (owned) {
                db.close();
            }
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        switch (Processes.await(process, URI.create(baseUrl() + "/q/health/ready"), timeout)) {
            case READY -> {
                return;
            }
            case EXITED -> {
                close();
                throw new IllegalStateException("The service exited; see " + log);
            }
            case TIMED_OUT -> {
                close();
                throw new IllegalStateException("The service was not ready within " + timeout + "; see " + log);
            }
        }
    }

    /**
     * Kills the service as a crash does (SIGKILL: no shutdown hooks, no offsets committed, no
     * consumer group left) and waits until it is gone. Every database is kept: a second process can
     * take over where this one died, and {@link #close()} still drops the service's own.
     */
    public void kill() {
        try {
            if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The service outlived SIGKILL by 10 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the service as an orchestrator does (SIGTERM, then SIGKILL after 20 s); its own database is dropped. */
    @Override
    public void close() {
        Processes.stop(process);
        if (ownsDatabase) {
            database.close();
        }
    }
}
