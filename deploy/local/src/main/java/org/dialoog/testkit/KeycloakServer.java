package org.dialoog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak with the example realm ({@code deploy/keycloak/dialoog-realm.json}), started as
 * its own process from the distribution Maven unpacks into {@code deploy/keycloak/target/keycloak}:
 * for the test that the services accept its tokens and for {@code deploy/local/run --keycloak}.
 * Development mode with an in-memory database, so every start imports the realm afresh.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "dialoog";
    /** The bootstrap administrator of the master realm (local use only). */
    public static final String ADMIN_USER = "admin";

    public static final String ADMIN_PASSWORD = "admin";

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The issuer its tokens carry, fixed by {@code --hostname} whatever address a caller uses. */
    public static String issuer(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Where the services fetch the realm's signing keys. */
    public static String jwksUrl(int port) {
        return issuer(port) + "/protocol/openid-connect/certs";
    }

    public String issuer() {
        return issuer(port);
    }

    public String jwksUrl() {
        return jwksUrl(port);
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Starts Keycloak on the port and waits until the realm answers (about 20–30 s on 2 cores).
     * Fails with the reason, never quietly: no distribution, no Java 21+, an early exit, or no
     * realm within the timeout (with the end of the log).
     */
    public static KeycloakServer start(int port, Path log, Duration timeout) {
        Path repo = RepoRoot.find();
        Path home = distribution(repo);
        Path javaHome = KeycloakJava.home();
        if (listening(port)) {
            // another Keycloak would answer for ours, and ours would fail to bind
            throw new IllegalStateException("Something already listens on 127.0.0.1:" + port);
        }
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(
                    repo.resolve("deploy/keycloak/dialoog-realm.json"),
                    importDir.resolve("dialoog-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(List.of(
                    "bash",
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--hostname=http://localhost:" + port,
                    "--db=dev-mem",
                    "--import-realm"));
            Map<String, String> env = pb.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process =
                    pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            KeycloakServer server = new KeycloakServer(process, port, log);
            server.awaitRealm(timeout);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path distribution(Path repo) {
        Path unpacked = repo.resolve("deploy/keycloak/target/keycloak");
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + unpacked
                            + ": run ./mvnw -pl deploy/keycloak generate-resources (it unpacks"
                            + " org.keycloak:keycloak-quarkus-dist from Maven Central)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Duration timeout) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        switch (Processes.await(process, discovery, timeout)) {
            case READY -> {
                return;
            }
            case EXITED -> throw new IllegalStateException("Keycloak exited while starting:\n" + logTail());
            case TIMED_OUT -> {
                close();
                throw new IllegalStateException(
                        "Keycloak's realm " + REALM + " did not answer within " + timeout + ":\n" + logTail());
            }
        }
    }

    /** The last lines of Keycloak's log, for a failure message that explains itself. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n(whole log: "
                    + log.toAbsolutePath() + ")";
        } catch (IOException e) {
            return "(no log at " + log.toAbsolutePath() + ")";
        }
    }

    /** Stops Keycloak (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        Processes.stop(process);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /**
     * Runs Keycloak in the foreground for the local stack: {@code KeycloakServer <port> <logFile>};
     * prints the issuer when the realm answers, stops Keycloak when this process is stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8180;
        Path log = Path.of(args.length > 1 ? args[1] : "target/keycloak.log");
        // registered before the start, so a stop while Keycloak is still starting leaves no orphan behind
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> ProcessHandle.current().descendants().forEach(KeycloakServer::stop)));
        KeycloakServer server = start(port, log, Duration.ofMinutes(3));
        System.out.println("Keycloak ready: issuer " + server.issuer() + " (log " + log.toAbsolutePath() + ")");
        server.process.waitFor();
    }
}
