package org.dialoog.engagement.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.Api.facilitator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.engagement.Api;
import org.dialoog.engagement.events.EventTypes;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.TopicReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every engagement event type, read back from Kafka: CloudEvents attributes and payload. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class EngagementEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static @Nullable Flow flow;

    /** The events of one engagement taken through every change once, and the ids of what it made. */
    private record Flow(
            List<ConsumerRecord<String, String>> records, UUID engagement, String party, String participant) {}

    /** One engagement taken through every change once; its events are shared by the tests below. */
    private static synchronized Flow flow() {
        Flow current = flow;
        if (current == null) {
            UUID engagement = Api.createEngagement("Events");
            String base = "/api/v1/engagements/" + engagement;
            facilitator()
                    .contentType("application/merge-patch+json")
                    .body(Map.of("title", "Events, renamed"))
                    .patch(base)
                    .then()
                    .statusCode(200);
            String party = facilitator()
                    .body(Map.of("name", "Bewoners", "type", "RESIDENTS"))
                    .post(base + "/parties")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            facilitator()
                    .body(Map.of("name", "Gemeente", "type", "MUNICIPALITY"))
                    .post(base + "/parties")
                    .then()
                    .statusCode(201);
            facilitator()
                    .contentType("application/merge-patch+json")
                    .body(Map.of("interests", "Rust op het plein"))
                    .patch(base + "/parties/" + party)
                    .then()
                    .statusCode(200);
            String participant = facilitator()
                    .body(Map.of("partyId", party, "displayName", "Sara", "email", "sara@example.nl", "role", "MEMBER"))
                    .post(base + "/participants")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            facilitator()
                    .contentType("application/merge-patch+json")
                    .body(Map.of("role", "REPRESENTATIVE"))
                    .patch(base + "/participants/" + participant)
                    .then()
                    .statusCode(200);
            facilitator()
                    .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                    .body(Map.of("status", "ACTIVE"))
                    .post(base + "/status")
                    .then()
                    .statusCode(200);
            facilitator()
                    .body(Map.of("phase", "DIALOGUE"))
                    .post(base + "/phase")
                    .then()
                    .statusCode(200);
            // an agreement through every change: proposed, objected, amended, carried, withdrawn
            String agreement = facilitator()
                    .body(Map.of(
                            "title",
                            "Het plein blijft groen",
                            "text",
                            "Geen parkeerplaatsen",
                            "partyIds",
                            List.of(party)))
                    .post(base + "/agreements")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            facilitator()
                    .body(Map.of("decision", "OBJECTION", "reason", "Wie onderhoudt het groen?"))
                    .put(base + "/agreements/" + agreement + "/answers/" + party)
                    .then()
                    .statusCode(200);
            facilitator()
                    .body(Map.of("text", "Geen parkeerplaatsen; de gemeente onderhoudt het groen"))
                    .post(base + "/agreements/" + agreement + "/amendments")
                    .then()
                    .statusCode(200);
            facilitator()
                    .body(Map.of("decision", "CONSENT"))
                    .put(base + "/agreements/" + agreement + "/answers/" + party)
                    .then()
                    .statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("CARRIED"));
            facilitator()
                    .body(Map.of("reason", "Vervangen door de afspraak over het hele plein"))
                    .post(base + "/agreements/" + agreement + "/withdrawal")
                    .then()
                    .statusCode(200);
            // a party lead granted, given another right, and revoked
            String lead = facilitator()
                    .body(Map.of(
                            "participantId", participant, "userId", "lead-sara", "rights", List.of("RECORD_CONSENT")))
                    .post(base + "/party-leads")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            facilitator()
                    .body(Map.of("rights", List.of("RECORD_CONSENT", "RUN_POLLS")))
                    .put(base + "/party-leads/" + lead + "/rights")
                    .then()
                    .statusCode(200);
            facilitator().delete(base + "/party-leads/" + lead).then().statusCode(204);
            facilitator().delete(base + "/participants/" + participant).then().statusCode(204);
            String spare = facilitator()
                    .body(Map.of("name", "Tijdelijk", "type", "OTHER"))
                    .post(base + "/parties")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            facilitator().delete(base + "/parties/" + spare).then().statusCode(204);
            UUID draft = Api.createEngagement("Events, deleted");
            facilitator().delete("/api/v1/engagements/" + draft).then().statusCode(204);
            List<ConsumerRecord<String, String>> records = new ArrayList<>(records(engagement.toString(), 21));
            records.addAll(records(draft.toString(), 2));
            current = new Flow(records, engagement, party, participant);
            flow = current;
        }
        return current;
    }

    private static ConsumerRecord<String, String> one(String type) {
        return flow().records().stream()
                .filter(r -> ("nl.dialoog.engagement." + type).equals(header(r, "ce_type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event"));
    }

    private static JsonNode data(ConsumerRecord<String, String> r) throws Exception {
        return JSON.readTree(r.value());
    }

    @Test
    void everyEventIsACloudEventKeyedByEngagementWithoutEmailAddresses() {
        for (ConsumerRecord<String, String> r : flow().records()) {
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_id")).isNotBlank();
            assertThat(header(r, "ce_source")).isEqualTo("urn:dialoog:engagement-service");
            assertThat(header(r, "ce_type")).matches("nl\\.dialoog\\.engagement\\.[a-z-]+\\.v1");
            assertThat(OffsetDateTime.parse(header(r, "ce_time"))).isNotNull();
            assertThat(header(r, "ce_tenant")).isEqualTo(Api.TENANT);
            assertThat(header(r, "content-type")).isEqualTo("application/json");
            assertThat(header(r, "ce_dataschema"))
                    .isEqualTo("urn:dialoog:engagement-service:asyncapi#/components/schemas/" + header(r, "ce_type"));
            List<String> names = new ArrayList<>();
            r.headers().forEach(h -> names.add(h.key()));
            assertThat(names)
                    .as("each header once, the trace only as traceparent")
                    .doesNotHaveDuplicates()
                    .contains("traceparent")
                    .doesNotContain("ce_traceparent");
            assertThat(r.value())
                    .doesNotContain("@")
                    .doesNotContain("Sara")
                    .as("no agreement text or reason")
                    .doesNotContain("plein")
                    .doesNotContain("groen");
        }
        assertThat(flow().records()).hasSize(23);
    }

    /**
     * Every type in EventTypes was published above, and every record, each header and the payload, is exactly as
     * docs/asyncapi/engagement-service.json documents it; the document documents exactly the types EventTypes declares.
     */
    @Test
    void everyEventMatchesItsDocumentedContract() {
        DocumentedEvents.assertContract("engagement-service", EventTypes.class, flow().records());
    }

    @Test
    void engagementCreated() throws Exception {
        var r = one("engagement-created.v1");
        assertThat(header(r, "ce_subject")).isEqualTo(flow().engagement().toString());
        assertThat(data(r).path("status").asText()).isEqualTo("DRAFT");
        assertThat(data(r).path("facilitators").get(0).asText()).isEqualTo(Api.FACILITATOR_ID);
    }

    @Test
    void engagementUpdated() throws Exception {
        assertThat(data(one("engagement-updated.v1")).path("title").asText()).isEqualTo("Events, renamed");
    }

    @Test
    void engagementStatusChangedCarriesTheTraceOfItsRequest() throws Exception {
        var r = one("engagement-status-changed.v1");
        assertThat(data(r).path("from").asText()).isEqualTo("DRAFT");
        assertThat(data(r).path("to").asText()).isEqualTo("ACTIVE");
        assertThat(header(r, "traceparent")).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void engagementPhaseChanged() throws Exception {
        assertThat(data(one("engagement-phase-changed.v1")).path("to").asText()).isEqualTo("DIALOGUE");
    }

    @Test
    void engagementDeleted() {
        assertThat(one("engagement-deleted.v1").value()).contains("engagementId");
    }

    @Test
    void partyAdded() throws Exception {
        var added = one("party-added.v1");
        assertThat(header(added, "ce_subject")).isEqualTo(flow().party());
        assertThat(data(added).path("name").asText()).isEqualTo("Bewoners");
        assertThat(data(added).path("type").asText()).isEqualTo("RESIDENTS");
    }

    @Test
    void partyUpdated() throws Exception {
        assertThat(data(one("party-updated.v1")).path("partyId").asText()).isEqualTo(flow().party());
    }

    @Test
    void partyRemoved() throws Exception {
        assertThat(data(one("party-removed.v1")).path("name").asText()).isEqualTo("Tijdelijk");
    }

    @Test
    void participantAddedCarriesThePartyButNoPersonalData() throws Exception {
        var added = data(one("participant-added.v1"));
        assertThat(added.path("participantId").asText()).isEqualTo(flow().participant());
        assertThat(added.path("partyId").asText()).isEqualTo(flow().party());
        assertThat(added.has("email")).isFalse();
        assertThat(added.has("displayName")).isFalse();
    }

    @Test
    void participantUpdated() throws Exception {
        assertThat(data(one("participant-updated.v1")).path("role").asText()).isEqualTo("REPRESENTATIVE");
    }

    @Test
    void participantRemoved() throws Exception {
        assertThat(data(one("participant-removed.v1")).path("participantId").asText())
                .isEqualTo(flow().participant());
    }

    private static List<ConsumerRecord<String, String>> records(String key, int expected) {
        return TopicReader.read(EventTypes.TOPIC, r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
    }

    static @Nullable String header(ConsumerRecord<String, String> r, String name) {
        return TopicReader.header(r, name);
    }
}
