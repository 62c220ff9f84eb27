package org.dialoog.feedback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.feedback.Feedback;
import org.dialoog.feedback.events.EventTypes;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feedback events as published: every type of EventTypes at least once, each record (headers and payload) as
 * docs/asyncapi/feedback-service.json documents it, k-anonymous, without text.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class FeedbackEventsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Feedback feedback;

    @BeforeAll
    static void setUp() {
        feedback = new Feedback();
    }

    @AfterAll
    static void tearDown() {
        feedback.close();
    }

    @Test
    void roundEventsMatchTheirContractAndResultsFollowTheResponses() throws Exception {
        Feedback.Engagement e = feedback.engagement(5, 1);
        String round = Feedback.round(
                e.id(),
                Feedback.questionnaire(List.of(
                        Feedback.TRUST,
                        Map.of("key", "remarks", "text", "Opmerkingen?", "type", "TEXT", "required", false))),
                "PARTICIPANTS",
                Map.of());
        Map<UUID, String> tokens = Feedback.tokens(round);
        for (UUID p : e.allParticipants()) {
            respond(round, Feedback.token(tokens, p), Map.of("trust", 5, "remarks", "geheime tekst"))
                    .statusCode(201);
        }
        ConsumerRecord<String, String> updated = TopicReader.first(
                EventTypes.TOPIC,
                r -> r.value().contains(round)
                        && EventTypes.RESULTS_UPDATED.equals(TopicReader.header(r, "ce_type"))
                        && r.value().contains("\"responses\":6"));
        JsonNode data = JSON.readTree(updated.value());
        assertThat(data.path("withheld").asBoolean()).isFalse();
        assertThat(data.path("dimensions").get(0).path("mean").asDouble()).isEqualTo(100.0);
        // the party of one is hidden, and so (subtraction) is the party of five
        assertThat(data.path("parties").findValuesAsText("suppressed")).containsOnly("true");
        facilitator().post("/api/v1/feedback-rounds/{id}/close", round).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = TopicReader.read(
                EventTypes.TOPIC,
                r -> r.value().contains(round),
                found -> found.stream().anyMatch(r -> EventTypes.ROUND_CLOSED.equals(type(r))),
                Duration.ofSeconds(30));
        // every type of EventTypes is among them, and every record (headers and payload) is as documented
        DocumentedEvents.assertContract("feedback-service", EventTypes.class, events);
        for (ConsumerRecord<String, String> r : events) {
            assertThat(r.key()).isEqualTo(e.id().toString());
            assertThat(r.value())
                    .doesNotContain("geheime")
                    .doesNotContain(e.allParticipants().get(0).toString());
        }
    }

    /** The CloudEvents type of a published event, which every one of them carries. */
    private static String type(ConsumerRecord<String, String> r) {
        return Objects.requireNonNull(TopicReader.header(r, "ce_type"), "an event without ce_type");
    }
}
