package org.dialoog.engagement.messaging;

import static org.awaitility.Awaitility.await;
import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The health's outcomes from session-service's session-outcome-recorded, as documented: latest version wins. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class OutcomesHealthTest {

    private static final String RECORDED = "nl.dialoog.session.session-outcome-recorded.v1";

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void decisionsAndActionsOfTheLatestVersionWithTheOverdueOnes() {
        UUID engagement = Api.createEngagement("Uitkomsten");
        UUID session = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (EventPublisher events = new EventPublisher()) {
            // version 1: two decisions, one action overdue, one due later, one dropped
            send(
                    events,
                    engagement,
                    session,
                    1,
                    2,
                    1,
                    List.of(
                            action(overdue, party, today.minusDays(3), "OPEN"),
                            action(later, party, today.plusDays(10), "OPEN"),
                            action(dropped, party, null, "DROPPED")));
            // version 2: three decisions; the later one is done, the dropped one removed from the record
            send(
                    events,
                    engagement,
                    session,
                    2,
                    3,
                    0,
                    List.of(
                            action(overdue, party, today.minusDays(3), "OPEN"),
                            action(later, party, today.plusDays(10), "DONE")));
            // version 1 again (a repeat, or late): changes nothing
            send(events, engagement, session, 1, 2, 1, List.of(action(overdue, party, null, "DONE")));
            // another session's first record, after the repeat on the same partition: once it shows, the repeat was
            // read
            send(events, engagement, UUID.randomUUID(), 1, 4, 0, List.of());
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> facilitator()
                        .get("/api/v1/engagements/{id}/health", engagement)
                        .then()
                        .statusCode(200)
                        .body("outcomes.sessions", equalTo(2)));
        // the three events share a partition (key = engagement): version 1 again came after version 2 and changed
        // nothing
        facilitator()
                .get("/api/v1/engagements/{id}/health", engagement)
                .then()
                .body("outcomes.decisions", equalTo(3 + 4))
                .body("outcomes.openQuestions", equalTo(0))
                .body("outcomes.openActions", equalTo(1))
                .body("outcomes.overdueActions", equalTo(1))
                .body("outcomes.doneActions", equalTo(1))
                .body("outcomes.droppedActions", equalTo(0));
    }

    private static Map<String, Object> action(UUID id, UUID party, @Nullable LocalDate due, String status) {
        Map<String, Object> a = new HashMap<>();
        a.put("actionId", id.toString());
        a.put("ownerPartyId", party.toString());
        a.put("dueDate", due == null ? null : due.toString());
        a.put("status", status);
        return a;
    }

    private static void send(
            EventPublisher events,
            UUID engagement,
            UUID session,
            int version,
            int decisions,
            int questions,
            List<Map<String, Object>> actions) {
        Map<String, Object> replace = new HashMap<>();
        replace.put("sessionId", session.toString());
        replace.put("engagementId", engagement.toString());
        replace.put("tenant", Api.TENANT);
        replace.put("outcomeVersion", version);
        replace.put("decisions", decisions);
        replace.put("openQuestions", questions);
        replace.put("actions", actions);
        replace.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        String data = DocumentedEvents.example("session-service", RECORDED, replace);
        events.send(
                "dialoog.sessions",
                "urn:dialoog:session-service",
                UUID.randomUUID().toString(),
                RECORDED,
                engagement,
                Api.TENANT,
                data);
    }
}
