package org.dialoog.session.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Not yet" is not "no" (#18): while session-service's copy of an engagement may be behind (unknown, or DRAFT), a
 * write names it with the documented problem type and Retry-After; a client that retries as told succeeds as soon as
 * the facts arrive; a real refusal stays a plain 409.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class NotYetKnownTest {

    private static final String NOT_YET = "urn:dialoog:problem:not-yet-known";

    private static EngagementEventsFixture events;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new EngagementEventsFixture();
    }

    @AfterAll
    static void tearDown() {
        events.close();
    }

    @Test
    void anUnknownEngagementIsNotYetKnownWithRetryAfter() {
        UUID unknown = UUID.randomUUID();
        facilitator()
                .body(Api.session(unknown, nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo(NOT_YET))
                .body("title", equalTo("Not yet known here"))
                .body("invalidParams[0].name", equalTo("engagementId"))
                .body("detail", containsString("retry after 1 s"));
    }

    @Test
    void anEngagementCreatedAndActivatedAMomentAgoIsScheduledByAClientThatRetriesAsTold() throws Exception {
        UUID id = UUID.randomUUID();
        events.created(id, Api.TENANT, "DRAFT");
        events.statusChanged(id, Api.TENANT, "DRAFT", "ACTIVE");
        // at once, as a frontend would right after the two calls to engagement-service
        List<Integer> answers = new ArrayList<>();
        long started = System.nanoTime();
        while (true) {
            Response r = facilitator().body(Api.session(id, nextWeek())).post("/api/v1/sessions");
            answers.add(r.statusCode());
            if (r.statusCode() != 409) {
                break;
            }
            assertThat(r.jsonPath().getString("type")).isEqualTo(NOT_YET);
            Thread.sleep(
                    Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))).toMillis());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
        // never a plain 400 or 409: only the documented "not yet" before the success
        assertThat(answers.get(answers.size() - 1)).isEqualTo(201);
        assertThat(answers.subList(0, answers.size() - 1)).allMatch(s -> s == 409);
        System.out.printf(
                "scheduled after %d answer(s) in %d ms%n", answers.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aDraftCopyIsNotYetButAClosedOneIsARefusal() throws Exception {
        UUID draft = UUID.randomUUID();
        events.created(draft, Api.TENANT, "DRAFT");
        UUID concluded = UUID.randomUUID();
        events.created(concluded, Api.TENANT, "CONCLUDED");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                Api.count("select count(*) from known_engagement where id in (?, ?)", draft, concluded))
                        .isEqualTo(2));
        facilitator()
                .body(Api.session(draft, nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .header("Retry-After", "1")
                .body("type", equalTo(NOT_YET))
                .body("detail", containsString("DRAFT here"));
        facilitator()
                .body(Api.session(concluded, nextWeek()))
                .post("/api/v1/sessions")
                .then()
                .statusCode(409)
                .body("type", equalTo("about:blank"))
                .body("detail", containsString("CONCLUDED"));
    }
}
