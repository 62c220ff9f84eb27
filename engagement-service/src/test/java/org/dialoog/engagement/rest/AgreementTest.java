package org.dialoog.engagement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.engagement.Api;
import org.dialoog.engagement.events.EventTypes;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.Rows;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agreements carried by every party (ADR 0010), through HTTP, with their events read back from Kafka. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class AgreementTest {

    private static final String TEXT_V1 = "De gemeente legt geen parkeerplaatsen aan op het plein.";
    private static final String TEXT_V2 =
            "Geen parkeerplaatsen op het plein; de gemeente onderhoudt het groen tot 2028.";

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An engagement with three parties: its base path and the parties' ids by name. */
    private record Setting(UUID engagement, String base, Map<String, String> parties) {}

    private static Setting setting(String title) {
        UUID engagement = Api.createEngagement(title);
        String base = "/api/v1/engagements/" + engagement;
        Map<String, String> parties = new HashMap<>();
        for (String name : List.of("Bewoners", "Gemeente", "Winkeliers")) {
            parties.put(
                    name,
                    facilitator()
                            .body(Map.of("name", name, "type", "OTHER"))
                            .post(base + "/parties")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
        }
        return new Setting(engagement, base, parties);
    }

    private static String propose(Setting s, List<String> partyNames) {
        return facilitator()
                .body(Map.of(
                        "title",
                        "Het plein",
                        "text",
                        TEXT_V1,
                        "partyIds",
                        partyNames.stream().map(s.parties()::get).toList()))
                .post(s.base() + "/agreements")
                .then()
                .statusCode(201)
                .body("state", equalTo("PENDING"))
                .body("number", equalTo(1))
                .extract()
                .path("id");
    }

    private static ValidatableResponse answer(Setting s, String agreement, String party, Map<String, Object> body) {
        return facilitator()
                .body(body)
                .put(s.base() + "/agreements/" + agreement + "/answers/"
                        + s.parties().get(party))
                .then();
    }

    @Test
    void twoConsentsAndAnObjectionThenAmendedAndCarriedOnItsSecondVersion() {
        Setting s = setting("Afspraken");
        String agreement = propose(s, List.of("Bewoners", "Gemeente", "Winkeliers"));
        answer(s, agreement, "Gemeente", Map.of("decision", "CONSENT", "number", 1))
                .statusCode(200)
                .body("state", equalTo("PENDING"));
        answer(s, agreement, "Winkeliers", Map.of("decision", "CONSENT_WITH_CONCERN", "reason", "Laden en lossen?"))
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("parties.find { it.partyName == 'Winkeliers' }.reason", equalTo("Laden en lossen?"))
                .body("parties.find { it.partyName == 'Winkeliers' }.onBehalf", equalTo(true));
        answer(s, agreement, "Bewoners", Map.of("decision", "OBJECTION", "reason", "Wie onderhoudt het groen?"))
                .statusCode(200)
                .body("state", equalTo("OBJECTED"));
        // an objected version takes no more answers: it is amended first
        answer(s, agreement, "Gemeente", Map.of("decision", "CONSENT"))
                .statusCode(409)
                .body("detail", containsString("amend"));
        facilitator()
                .body(Map.of("text", TEXT_V2, "note", "Na het bezwaar van de bewoners"))
                .post(s.base() + "/agreements/" + agreement + "/amendments")
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("number", equalTo(2))
                .body("text", equalTo(TEXT_V2))
                .body("parties.decision", equalTo(java.util.Arrays.asList(null, null, null)))
                .body("versions", hasSize(2))
                .body("versions[0].answers.find { it.partyName == 'Bewoners' }.decision", equalTo("OBJECTION"))
                .body("versions[1].note", equalTo("Na het bezwaar van de bewoners"));
        // an answer given to the old text is not counted for the new one
        answer(s, agreement, "Gemeente", Map.of("decision", "CONSENT", "number", 1))
                .statusCode(409)
                .body("detail", containsString("version 2"));
        answer(s, agreement, "Bewoners", Map.of("decision", "CONSENT", "number", 2))
                .statusCode(200);
        answer(s, agreement, "Gemeente", Map.of("decision", "CONSENT"))
                .statusCode(200)
                .body("state", equalTo("PENDING"));
        answer(s, agreement, "Winkeliers", Map.of("decision", "CONSENT_WITH_CONCERN", "reason", "Laden en lossen?"))
                .statusCode(200)
                .body("state", equalTo("CARRIED"))
                .body("carriedAt", notNullValue());
        // carried is final: no more answers, no amendment
        answer(s, agreement, "Gemeente", Map.of("decision", "OBJECTION", "reason", "Toch niet"))
                .statusCode(409);
        facilitator()
                .body(Map.of("text", "Iets anders"))
                .post(s.base() + "/agreements/" + agreement + "/amendments")
                .then()
                .statusCode(409);
        facilitator()
                .get(s.base() + "/health")
                .then()
                .statusCode(200)
                .body("agreements.carried", equalTo(1))
                .body("agreements.pending", equalTo(0))
                .body("agreements.objected", equalTo(0));
        facilitator()
                .queryParam("state", "CARRIED")
                .get(s.base() + "/agreements")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(agreement));

        // its events, in order, without any text: proposed, 3 answers, amended, 3 answers, carried
        List<ConsumerRecord<String, String>> events = TopicReader.read(
                EventTypes.TOPIC,
                r -> agreement.equals(TopicReader.header(r, "ce_subject")),
                9,
                Duration.ofSeconds(30));
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : events) {
            types.add(Objects.requireNonNull(TopicReader.header(r, "ce_type")).replace("nl.dialoog.engagement.", ""));
            assertThat(DocumentedEvents.problems("engagement-service", r)).isEmpty();
            assertThat(r.key()).isEqualTo(s.engagement().toString());
            assertThat(r.value())
                    .doesNotContain("plein")
                    .doesNotContain("groen")
                    .doesNotContain("Laden");
        }
        assertThat(types)
                .containsExactly(
                        "agreement-proposed.v1",
                        "agreement-answer-recorded.v1",
                        "agreement-answer-recorded.v1",
                        "agreement-answer-recorded.v1",
                        "agreement-amended.v1",
                        "agreement-answer-recorded.v1",
                        "agreement-answer-recorded.v1",
                        "agreement-answer-recorded.v1",
                        "agreement-carried.v1");
        assertThat(events.get(8).value()).contains("\"state\":\"CARRIED\"").contains("\"number\":2");
    }

    @Test
    void anAbstentionKeepsItPendingAndAPartyMayChangeItsAnswer() {
        Setting s = setting("Onthouding");
        String agreement = propose(s, List.of("Bewoners", "Gemeente"));
        answer(s, agreement, "Bewoners", Map.of("decision", "CONSENT")).statusCode(200);
        answer(s, agreement, "Gemeente", Map.of("decision", "ABSTAIN"))
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("parties.find { it.partyName == 'Gemeente' }.decision", equalTo("ABSTAIN"));
        answer(s, agreement, "Gemeente", Map.of("decision", "CONSENT"))
                .statusCode(200)
                .body("state", equalTo("CARRIED"))
                .body("versions[0].answers.find { it.partyName == 'Gemeente' }.decision", equalTo("CONSENT"));
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        Setting s = setting("Fouten");
        String base = s.base() + "/agreements";
        facilitator()
                .body(Map.of(
                        "title",
                        "x",
                        "text",
                        "y",
                        "partyIds",
                        List.of(s.parties().get("Bewoners"), UUID.randomUUID().toString())))
                .post(base)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("partyIds[1]"));
        facilitator()
                .body(Map.of(
                        "title",
                        "x",
                        "text",
                        "y",
                        "partyIds",
                        List.of(s.parties().get("Bewoners"), s.parties().get("Bewoners"))))
                .post(base)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("partyIds"));
        facilitator()
                .body(Map.of("title", " ", "text", "y", "partyIds", List.of()))
                .post(base)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("title"))
                .body("invalidParams.name", hasItem("partyIds"));
        facilitator().get(base).then().statusCode(200).body("total", equalTo(0));

        String agreement = propose(s, List.of("Bewoners", "Gemeente"));
        answer(s, agreement, "Bewoners", Map.of("decision", "OBJECTION"))
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("reason"));
        answer(s, agreement, "Bewoners", Map.of("decision", "CONSENT_WITH_CONCERN", "reason", "  "))
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("reason"));
        answer(s, agreement, "Bewoners", Map.of("decision", "MAYBE")).statusCode(400);
        answer(s, agreement, "Winkeliers", Map.of("decision", "CONSENT"))
                .statusCode(409)
                .body("detail", containsString("not concerned"));
        facilitator()
                .body(Map.of("decision", "CONSENT"))
                .put(base + "/" + agreement + "/answers/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        facilitator()
                .body(Map.of("text", TEXT_V1))
                .post(base + "/" + agreement + "/amendments")
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("text"));
        // If-Match: a stale version is 412
        facilitator()
                .header("If-Match", "\"999\"")
                .body(Map.of("decision", "CONSENT"))
                .put(base + "/" + agreement + "/answers/" + s.parties().get("Bewoners"))
                .then()
                .statusCode(412);
        facilitator()
                .get(base + "/" + agreement)
                .then()
                .statusCode(200)
                .body("parties.decision", equalTo(java.util.Arrays.asList(null, null)))
                .body("versions", hasSize(1));
        // a party concerned by an agreement stays
        facilitator()
                .delete(s.base() + "/parties/" + s.parties().get("Gemeente"))
                .then()
                .statusCode(409)
                .body("detail", containsString("agreement"));
        // withdrawn with a reason, once
        facilitator()
                .body(Map.of("reason", ""))
                .post(base + "/" + agreement + "/withdrawal")
                .then()
                .statusCode(400);
        facilitator()
                .body(Map.of("reason", "Niet meer nodig"))
                .post(base + "/" + agreement + "/withdrawal")
                .then()
                .statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("Niet meer nodig"));
        facilitator()
                .body(Map.of("reason", "Nog eens"))
                .post(base + "/" + agreement + "/withdrawal")
                .then()
                .statusCode(409);
        answer(s, agreement, "Bewoners", Map.of("decision", "CONSENT")).statusCode(409);
        facilitator().get(s.base() + "/health").then().body("agreements.withdrawn", equalTo(1));
    }

    @Test
    void clientsReadButDoNotAnswerAndOtherTenantsSeeNothing() {
        Setting s = setting("Rollen");
        facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("clientContacts", List.of("muni-1")))
                .patch(s.base())
                .then()
                .statusCode(200);
        Api.as("muni-2", "client", Api.TENANT)
                .get(s.base() + "/agreements")
                .then()
                .statusCode(404);
        String agreement = propose(s, List.of("Bewoners", "Gemeente"));
        String path = s.base() + "/agreements/" + agreement;
        Api.as("muni-1", "client", Api.TENANT).get(path).then().statusCode(200).body("title", equalTo("Het plein"));
        Api.as("muni-1", "client", Api.TENANT)
                .body(Map.of("decision", "CONSENT"))
                .put(path + "/answers/" + s.parties().get("Gemeente"))
                .then()
                .statusCode(403);
        Api.as("bi-1", "integration", Api.TENANT)
                .body(Map.of(
                        "title",
                        "x",
                        "text",
                        "y",
                        "partyIds",
                        List.of(s.parties().get("Gemeente"))))
                .post(s.base() + "/agreements")
                .then()
                .statusCode(403);
        Api.as("fac-other", "facilitator", Api.OTHER_TENANT).get(path).then().statusCode(404);
        Api.as("fac-other", "facilitator", Api.OTHER_TENANT)
                .body(Map.of("decision", "CONSENT"))
                .put(path + "/answers/" + s.parties().get("Gemeente"))
                .then()
                .statusCode(404);
        facilitator().get(s.base() + "/agreements/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void threePartiesAnsweringAtOnceAreAllCountedAndCarryItOnce() throws Exception {
        Setting s = setting("Tegelijk");
        String agreement = propose(s, List.of("Bewoners", "Gemeente", "Winkeliers"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String party : List.of("Bewoners", "Gemeente", "Winkeliers")) {
                answers.add(pool.submit(() -> answer(s, agreement, party, Map.of("decision", "CONSENT"))
                        .extract()
                        .statusCode()));
            }
            for (Future<Integer> f : answers) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        facilitator()
                .get(s.base() + "/agreements/" + agreement)
                .then()
                .body("state", equalTo("CARRIED"))
                .body("parties.decision", equalTo(List.of("CONSENT", "CONSENT", "CONSENT")))
                .body("withdrawnReason", nullValue());
        // the outbox is what will be published: one answer event each, one carried event for the three of them
        DataSource db = Arc.container().instance(DataSource.class).get();
        String sql = "select count(*) from outbox_event where subject = ? and type = ?";
        assertThat(Rows.count(db, sql, agreement, EventTypes.AGREEMENT_ANSWER_RECORDED))
                .isEqualTo(3);
        assertThat(Rows.count(db, sql, agreement, EventTypes.AGREEMENT_CARRIED)).isEqualTo(1);
    }
}
