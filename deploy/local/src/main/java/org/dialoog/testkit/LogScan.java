package org.dialoog.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** A service's test log, read after its tests: it must hold nothing personal they sent, and no e-mail address. */
public final class LogScan {

    /** The service's log in tests (%test.quarkus.log.file.* in the shared settings). */
    public static final Path LOG = Path.of("target", "quarkus-test.log");

    private LogScan() {}

    /** Fails unless {@link #LOG} exists and holds none of {@code sent} and nothing {@code email} matches. */
    public static void assertNothingPersonal(Collection<String> sent, Pattern email) throws IOException {
        if (!Files.exists(LOG)) {
            throw new AssertionError("[the service's test log] expecting " + LOG.toAbsolutePath() + " to exist");
        }
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        List<String> found = sent.stream().filter(log::contains).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("[the service's test log] " + LOG + " holds what the tests sent: " + found);
        }
        List<String> addresses =
                email.matcher(log).results().map(MatchResult::group).toList();
        if (!addresses.isEmpty()) {
            throw new AssertionError("[e-mail addresses in " + LOG + "] expecting none, found " + addresses);
        }
    }
}
