package org.dialoog.conventions.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.conventions.testapp.Api.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a failure carries never reaches the log: the test application's log file (the shared test
 * settings keep one in target/) is searched for the personal data of failed requests.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class LogLeakTest {

    private static final Path LOG = Path.of("target", "quarkus-test.log");
    private static final Pattern ERROR_ID = Pattern.compile("error id ([0-9a-f-]{36})");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aFailedInsertIsLoggedWithoutTheValuesOfItsRow() {
        String answer = "Mijn antwoord " + UUID.randomUUID();
        String email = "leak-" + UUID.randomUUID() + "@example.nl";
        String detail = admin().contentType("text/plain")
                .body(answer + " " + email)
                .post("/api/v1/test-only/leaks/failing-insert")
                .then()
                .statusCode(500)
                .extract()
                .path("detail");

        String log = logAfter(errorId(detail));
        assertThat(log).doesNotContain(answer, email).contains("violates not-null constraint");
    }

    @Test
    void valuesQuotedBackInAnExceptionAreTakenOutByTheLogFilter() {
        String email = "quoted-" + UUID.randomUUID() + "@example.nl";
        String detail = admin().queryParam("email", email)
                .post("/api/v1/test-only/leaks/quoted-values")
                .then()
                .statusCode(500)
                .extract()
                .path("detail");

        String log = logAfter(errorId(detail));
        assertThat(log)
                .doesNotContain(email)
                .contains("java.lang.IllegalStateException: ERROR: duplicate key value violates unique constraint "
                        + "\"registration_email_once\"\n  Detail: " + Redaction.REDACTED)
                .contains("Caused by: java.lang.IllegalArgumentException: address " + Redaction.EMAIL_REDACTED
                        + " seen twice")
                .containsPattern("\tat org\\.dialoog\\.conventions\\.testapp\\.LeakResource\\.quotedValues");
    }

    private static String errorId(String detail) {
        Matcher m = ERROR_ID.matcher(detail);
        assertThat(m.find()).as("an error id in %s", detail).isTrue();
        return m.group(1);
    }

    /** The log file once it has the line of this error (the handler flushes each record; this only waits for it). */
    private static String logAfter(String errorId) {
        String[] log = {""};
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            log[0] = read();
            assertThat(log[0]).contains("Unexpected error " + errorId);
        });
        return log[0];
    }

    private static String read() throws IOException {
        return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
    }
}
