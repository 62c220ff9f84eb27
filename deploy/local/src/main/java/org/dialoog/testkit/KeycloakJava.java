package org.dialoog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the Java that Keycloak runs on: Keycloak 26 needs 21 or later, the services and the build stay on 17. */
final class KeycloakJava {

    private static final int MIN_JAVA = 21;
    private static final Pattern FEATURE_VERSION = Pattern.compile("\"(\\d+)");

    private KeycloakJava() {}

    /**
     * A Java 21+ for Keycloak: {@code DIALOOG_KEYCLOAK_JAVA_HOME}, else {@code JAVA_HOME} or this
     * JVM when new enough, else the newest JDK under {@code /usr/lib/jvm}.
     */
    static Path home() {
        String configured = System.getenv("DIALOOG_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (javaVersion(home).orElse(0) < MIN_JAVA) {
                throw new IllegalStateException("DIALOOG_KEYCLOAK_JAVA_HOME=" + configured + " is not a Java "
                        + MIN_JAVA + "+ (Keycloak 26 needs one)");
            }
            return home;
        }
        Stream<Path> candidates = Stream.of(System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                .filter(s -> s != null && !s.isBlank())
                .map(Path::of);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                candidates = Stream.concat(
                        candidates,
                        installed
                                .sorted((a, b) -> javaVersion(b).orElse(0)
                                        - javaVersion(a).orElse(0))
                                .toList()
                                .stream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates
                .filter(home -> javaVersion(home).orElse(0) >= MIN_JAVA)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak 26 needs Java " + MIN_JAVA
                        + "+ and none was found (JAVA_HOME, this JVM, /usr/lib/jvm): install one, e.g. Temurin 25,"
                        + " or point DIALOOG_KEYCLOAK_JAVA_HOME at it"));
    }

    /** The feature version a JDK's {@code release} file names (JAVA_VERSION="25.0.1" → 25). */
    private static Optional<Integer> javaVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION="))
                    .findFirst()
                    .map(l -> FEATURE_VERSION.matcher(l))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .map(Integer::parseInt);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
