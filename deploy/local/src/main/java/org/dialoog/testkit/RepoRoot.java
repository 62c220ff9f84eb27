package org.dialoog.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever a test or the local stack runs (module folders included). */
final class RepoRoot {

    private RepoRoot() {}

    static Path find() {
        String configured = System.getenv("DIALOOG_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/local")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "Cannot find the Dialoog repository root from " + Path.of("").toAbsolutePath() + "; set DIALOOG_HOME");
    }
}
