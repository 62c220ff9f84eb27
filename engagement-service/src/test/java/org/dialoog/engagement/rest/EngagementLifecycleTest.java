package org.dialoog.engagement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.Api.admin;
import static org.dialoog.engagement.Api.facilitator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.engagement.Api;
import org.dialoog.engagement.EngagementStatus;
import org.dialoog.engagement.events.EventTypes;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Status machine, phases, parties and participants of an engagement, through HTTP. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class EngagementLifecycleTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void activationNeedsTwoParties() {
        UUID id = Api.createEngagement("One side");
        addParty(id, "Bewoners");
        move(id, "ACTIVE")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("at least two parties"));
        addParty(id, "Gemeente");
        move(id, "ACTIVE").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void everyLegalAndIllegalStatusMove() {
        for (EngagementStatus from : EngagementStatus.values()) {
            for (EngagementStatus to : EngagementStatus.values()) {
                UUID id = engagementIn(from);
                boolean legal = from.canMoveTo(to);
                var answer = move(id, to.name()).then();
                if (legal) {
                    answer.statusCode(200).body("status", equalTo(to.name()));
                } else {
                    answer.statusCode(409)
                            .contentType("application/problem+json")
                            .body("detail", containsString(from.name()));
                }
            }
        }
    }

    @Test
    void allowedMovesAreNamedInTheProblem() {
        UUID id = engagementIn(EngagementStatus.DRAFT);
        move(id, "CONCLUDED")
                .then()
                .statusCode(409)
                .body("detail", containsString("ACTIVE"))
                .body("detail", containsString("CANCELLED"));
    }

    @Test
    void closedEngagementIsReadOnly() {
        UUID id = engagementIn(EngagementStatus.CONCLUDED);
        admin().contentType("application/merge-patch+json")
                .body(Map.of("title", "Late edit"))
                .patch("/api/v1/engagements/" + id)
                .then()
                .statusCode(409)
                .body("detail", containsString("read-only"));
        addPartyAnswer(id, "Late party").then().statusCode(409);
    }

    @Test
    void phasesGoForwardAndBackOnlyWithANoteAndAreKeptAsHistory() {
        UUID id = Api.createEngagement("Phases");
        phase(id, "DIALOGUE", null).then().statusCode(200).body("phase", equalTo("DIALOGUE"));
        phase(id, "CONVERGENCE", null).then().statusCode(200);
        phase(id, "DIALOGUE", null).then().statusCode(400).body("invalidParams[0].name", equalTo("note"));
        phase(id, "DIALOGUE", "Parties need more room").then().statusCode(200).body("phase", equalTo("DIALOGUE"));
        admin().get("/api/v1/engagements/" + id + "/history")
                .then()
                .statusCode(200)
                .body("kind", contains("STATUS", "PHASE", "PHASE", "PHASE"))
                .body("to", contains("DRAFT", "DIALOGUE", "CONVERGENCE", "DIALOGUE"))
                .body("[3].reason", equalTo("Parties need more room"));
    }

    @Test
    void onlyDraftsCanBeDeleted() {
        UUID draft = Api.createEngagement("Delete me");
        addParty(draft, "A");
        admin().delete("/api/v1/engagements/" + draft).then().statusCode(204);
        admin().get("/api/v1/engagements/" + draft).then().statusCode(404).contentType("application/problem+json");
        UUID active = engagementIn(EngagementStatus.ACTIVE);
        admin().delete("/api/v1/engagements/" + active).then().statusCode(409);
    }

    @Test
    void partyNamesAreUniqueAndPartiesWithParticipantsStay() {
        UUID id = Api.createEngagement("Parties");
        String party = addParty(id, "Winkeliers");
        addPartyAnswer(id, "winkeliers").then().statusCode(409).body("detail", containsString("Winkeliers"));
        String participant = addParticipant(id, party, "Jan de Vries", "jan@example.nl");
        admin().body(Map.of("partyId", party, "displayName", "Kopie", "email", "JAN@example.nl", "role", "MEMBER"))
                .post("/api/v1/engagements/" + id + "/participants")
                .then()
                .statusCode(409);
        admin().delete("/api/v1/engagements/" + id + "/parties/" + party)
                .then()
                .statusCode(409)
                .body("detail", containsString("participant"));
        admin().delete("/api/v1/engagements/" + id + "/participants/" + participant)
                .then()
                .statusCode(204);
        admin().delete("/api/v1/engagements/" + id + "/parties/" + party).then().statusCode(204);
    }

    @Test
    void concurrentAddsOfOneAddressCreateOneParticipantAndAnswer409ToTheRest() throws Exception {
        UUID id = Api.createEngagement("Concurrent participants");
        String party = addParty(id, "Bewoners");
        Map<String, Object> body =
                Map.of("partyId", party, "displayName", "Dubbel", "email", "dubbel@example.nl", "role", "MEMBER");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> admin().body(body)
                        .post("/api/v1/engagements/" + id + "/participants")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        admin().get("/api/v1/engagements/" + id + "/participants").then().body("total", equalTo(1));
    }

    @Test
    void participantsFilterByPartyAndRoleAndIntegrationsSeeNoPersonalData() {
        UUID id = Api.createEngagement("Participants");
        String a = addParty(id, "A");
        String b = addParty(id, "B");
        addParticipant(id, a, "Anna", "anna@example.nl");
        addParticipant(id, b, "Bram", "bram@example.nl");
        admin().queryParam("partyId", b)
                .get("/api/v1/engagements/" + id + "/participants")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].displayName", equalTo("Bram"))
                .body("total", equalTo(1));
        admin().queryParam("role", "SPONSOR")
                .get("/api/v1/engagements/" + id + "/participants")
                .then()
                .body("total", equalTo(0));
        String body = Api.as("muni-bi", "integration", Api.TENANT)
                .get("/api/v1/engagements/" + id + "/participants")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].displayName", nullValue())
                .body("items[0].email", nullValue())
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(body)
                .doesNotContain("anna@example.nl")
                .doesNotContain("Anna");
    }

    @Test
    void anImportAddsAllParticipantsOrNoneAndNamesEveryBadEntry() {
        UUID id = Api.createEngagement("Import");
        String a = addParty(id, "A");
        String b = addParty(id, "B");
        addParticipant(id, a, "Eerder", "eerder@example.nl");
        String path = "/api/v1/engagements/" + id + "/participants/import";
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            list.add(Map.of(
                    "partyId",
                    i % 2 == 0 ? a : b,
                    "displayName",
                    "Bewoner " + i,
                    "email",
                    "b" + i + "@example.nl",
                    "role",
                    "MEMBER"));
        }
        // bad entries anywhere: every one is named, and nothing is added
        List<Map<String, Object>> bad = new ArrayList<>(list);
        bad.set(
                3,
                Map.of(
                        "partyId",
                        UUID.randomUUID().toString(),
                        "displayName",
                        "X",
                        "email",
                        "x@example.nl",
                        "role",
                        "MEMBER"));
        bad.set(7, Map.of("partyId", a, "displayName", "", "email", "geen-adres", "role", "MEMBER"));
        bad.set(9, Map.of("partyId", a, "displayName", "Dubbel", "email", "B0@example.nl", "role", "MEMBER"));
        facilitator()
                .body(Map.of("participants", bad))
                .post(path)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("participants[7].displayName"))
                .body("invalidParams.name", hasItem("participants[7].email"));
        facilitator()
                .body(Map.of("participants", bad.subList(0, 7)))
                .post(path)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("participants[3].partyId"));
        List<Map<String, Object>> twice = new ArrayList<>(list.subList(0, 10));
        twice.set(9, Map.of("partyId", a, "displayName", "Dubbel", "email", "B0@example.nl", "role", "MEMBER"));
        facilitator()
                .body(Map.of("participants", twice))
                .post(path)
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("participants[9].email"))
                .body("invalidParams[0].reason", containsString("participants[0]"));
        List<Map<String, Object>> taken = new ArrayList<>(list.subList(0, 5));
        taken.add(Map.of("partyId", b, "displayName", "Weer", "email", "EERDER@example.nl", "role", "MEMBER"));
        facilitator()
                .body(Map.of("participants", taken))
                .post(path)
                .then()
                .statusCode(409)
                .body("detail", containsString("participants[5]"));
        facilitator().body(Map.of("participants", List.of())).post(path).then().statusCode(400);
        List<Map<String, Object>> tooMany = new ArrayList<>(list);
        tooMany.add(Map.of("partyId", a, "displayName", "Eén te veel", "role", "MEMBER"));
        facilitator()
                .body(Map.of("participants", tooMany))
                .post(path)
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("participants"));
        admin().get("/api/v1/engagements/" + id + "/participants").then().body("total", equalTo(1));

        facilitator()
                .body(Map.of("participants", list))
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/engagements/" + id + "/participants"))
                .body("imported", equalTo(1000))
                .body("items", hasSize(1000))
                .body("items[999].displayName", equalTo("Bewoner 999"));
        admin().queryParam("partyId", b)
                .get("/api/v1/engagements/" + id + "/participants")
                .then()
                .body("total", equalTo(500));
        // one participant-added event each, as if added one by one (1 earlier + 1000 imported)
        org.assertj.core.api.Assertions.assertThat(TopicReader.read(
                        EventTypes.TOPIC,
                        r -> id.toString().equals(r.key())
                                && Objects.requireNonNull(TopicReader.header(r, "ce_type"), "every event has a type")
                                        .endsWith("participant-added.v1"),
                        1001,
                        Duration.ofSeconds(30)))
                .hasSize(1001);
        Api.as("muni-bi", "integration", Api.TENANT)
                .body(Map.of("participants", list.subList(0, 1)))
                .post(path)
                .then()
                .statusCode(403);
    }

    @Test
    void invalidEmailAndUnknownPartyAreReportedTogether() {
        UUID id = Api.createEngagement("Validation");
        admin().body(Map.of(
                        "partyId",
                        UUID.randomUUID().toString(),
                        "displayName",
                        "",
                        "email",
                        "not-an-email",
                        "role",
                        "MEMBER"))
                .post("/api/v1/engagements/" + id + "/participants")
                .then()
                .statusCode(400)
                .body("invalidParams.name", hasItem("displayName"))
                .body("invalidParams.name", hasItem("email"));
    }

    @Test
    void filtersAndSorting() {
        String marker = "Filter " + UUID.randomUUID();
        UUID active = engagementIn(EngagementStatus.ACTIVE, marker + " b");
        Api.createEngagement(marker + " a");
        admin().queryParam("q", marker)
                .queryParam("status", "ACTIVE")
                .get("/api/v1/engagements")
                .then()
                .body("items.id", contains(active.toString()));
        admin().queryParam("q", marker)
                .queryParam("sort", "title")
                .get("/api/v1/engagements")
                .then()
                .body("items.title", contains(marker + " a", marker + " b"));
        admin().queryParam("q", marker)
                .queryParam("objective", "MERGE_VISIONS")
                .get("/api/v1/engagements")
                .then()
                .body("total", equalTo(0));
        admin().queryParam("q", marker)
                .queryParam("facilitator", Api.FACILITATOR_ID)
                .get("/api/v1/engagements")
                .then()
                .body("total", equalTo(2));
        admin().queryParam("sort", "colour")
                .get("/api/v1/engagements")
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("sort"));
        admin().queryParam("status", "ASLEEP")
                .get("/api/v1/engagements")
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("status"))
                .body("invalidParams[0].reason", containsString("DRAFT"));
    }

    private static UUID engagementIn(EngagementStatus status) {
        return engagementIn(status, "Lifecycle " + status);
    }

    private static UUID engagementIn(EngagementStatus status, String title) {
        UUID id = Api.createEngagement(title);
        addParty(id, "A");
        addParty(id, "B");
        if (status == EngagementStatus.DRAFT) {
            return id;
        }
        if (status == EngagementStatus.CANCELLED) {
            move(id, "CANCELLED").then().statusCode(200);
            return id;
        }
        move(id, "ACTIVE").then().statusCode(200);
        for (EngagementStatus step : List.of(EngagementStatus.PAUSED, EngagementStatus.CONCLUDED)) {
            if (EnumSet.of(EngagementStatus.PAUSED, EngagementStatus.CONCLUDED).contains(status)
                    && step.compareTo(status) <= 0) {
                move(id, step.name()).then().statusCode(200);
            }
        }
        return id;
    }

    static io.restassured.response.Response move(UUID id, String status) {
        return facilitator()
                .body(Map.of("status", status, "reason", "test"))
                .post("/api/v1/engagements/" + id + "/status");
    }

    static io.restassured.response.Response phase(UUID id, String phase, @Nullable String note) {
        return facilitator()
                .body(note == null ? Map.of("phase", phase) : Map.of("phase", phase, "note", note))
                .post("/api/v1/engagements/" + id + "/phase");
    }

    static io.restassured.response.Response addPartyAnswer(UUID id, String name) {
        return facilitator()
                .body(Map.of("name", name, "type", "RESIDENTS"))
                .post("/api/v1/engagements/" + id + "/parties");
    }

    static String addParty(UUID id, String name) {
        return addPartyAnswer(id, name).then().statusCode(201).extract().path("id");
    }

    static String addParticipant(UUID id, String party, String name, String email) {
        return facilitator()
                .body(Map.of("partyId", party, "displayName", name, "email", email, "role", "MEMBER"))
                .post("/api/v1/engagements/" + id + "/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
