package org.dialoog.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The processes the test kit starts (services, Keycloak): waiting until they answer, and stopping them. */
final class Processes {

    /** How a wait ended. */
    enum Outcome {
        READY,
        EXITED,
        TIMED_OUT
    }

    private Processes() {}

    /** Waits for a process being started to answer 200 on one URL, or gives up on it. */
    static Outcome await(Process process, URI url, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return Outcome.EXITED;
            }
            try {
                if (http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return Outcome.READY;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.TIMED_OUT;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.TIMED_OUT;
            }
        }
        return Outcome.TIMED_OUT;
    }

    /** Stops a process as an orchestrator does: SIGTERM, then SIGKILL after 20 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
