package org.dialoog.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.conventions.logging.Redaction;
import org.dialoog.session.Api;
import org.dialoog.session.MessageTopic;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.session.service.PersonalLinks;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.LogScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Participants answer for themselves through the personal links their message requests carry, and
 * every fact decides its messages: invitation, waitlist, moved up, reschedule, cancellation, poll,
 * registration. Message requests are read from the messages topic as the senders read them.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class PersonalLinksTest {

    private static final String INVITATIONS = "/api/v1/personal-invitations/{code}";

    private static final Set<String> USED_CODES = ConcurrentHashMap.newKeySet();

    private static EngagementEventsFixture events;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        events = new EngagementEventsFixture();
    }

    @AfterAll
    static void tearDown() throws Exception {
        events.close();
        // every code these tests used: none may reach the service's log
        LogScan.assertNothingPersonal(USED_CODES, Redaction.EMAIL);
    }

    @Test
    void twelveInvitedToTenSeatsAnswerThroughTheirLinksAndEveryFactDecidesItsMessages() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 12);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of("capacity", 10));
        facilitator()
                .body(Map.of("partyIds", e.parties()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);

        // 12 invitations, one per participant, each with its own link and a calendar REQUEST
        List<JsonNode> invitations = MessageTopic.read(e.id(), MessageTopic.kind("INVITATION", session), 12);
        assertThat(invitations).hasSize(12);
        Map<String, String> codes = new LinkedHashMap<>();
        for (JsonNode m : invitations) {
            assertThat(m.path("recipient").path("type").asText()).isEqualTo("PARTICIPANT");
            assertThat(m.path("link").asText()).contains("/api/v1/personal-invitations/");
            assertThat(m.path("values").path("sessionTitle").asText()).isEqualTo("Dialoogsessie");
            assertThat(OffsetDateTime.parse(m.path("values").path("startsAt").asText()))
                    .isNotNull();
            assertThat(m.path("calendar").path("method").asText()).isEqualTo("REQUEST");
            assertThat(MessageTopic.calendar(m)).isNotNull();
            assertThat(unfolded(m)).contains("METHOD:REQUEST", "SEQUENCE:0");
            codes.put(MessageTopic.recipient(m), codeOf(m));
        }
        List<String> participants =
                e.allParticipants().stream().map(UUID::toString).toList();
        assertThat(codes.keySet()).containsExactlyInAnyOrderElementsOf(participants);
        assertThat(new HashSet<>(codes.values())).hasSize(12);

        // only the hash of a code is kept, and the message row left the outbox once it was published
        String firstCode = codeIn(codes, participants.get(0));
        assertThat(Api.count("select count(*) from personal_link where code_hash = ?", PersonalLinks.hash(firstCode)))
                .isEqualTo(1);
        assertThat(Api.count(
                        "select count(*) from personal_link where code_hash = ? or cast(subject_id as text) = ?",
                        firstCode,
                        firstCode))
                .isZero();
        for (JsonNode m : invitations) {
            assertThat(Api.count(
                            "select count(*) from outbox_event where subject = ?",
                            m.path("messageId").asText()))
                    .as("a published message request leaves no row with its link behind")
                    .isZero();
        }

        // the invitee sees the session, its seats and their own answer
        anonymous()
                .get(INVITATIONS, firstCode)
                .then()
                .statusCode(200)
                .body("session.id", equalTo(session))
                .body("session.title", equalTo("Dialoogsessie"))
                .body("session.location.address", equalTo("Stadhuisplein 1"))
                .body("status", equalTo("INVITED"))
                .body("capacity", equalTo(10))
                .body("seatsFree", equalTo(10))
                .body("waitlistLength", equalTo(0));
        String ics = anonymous()
                .get(INVITATIONS + "/calendar.ics", firstCode)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(ics).contains("UID:" + session + "@dialoog");

        // ten accept and get seats; the last two are waitlisted and told so
        for (int i = 0; i < 12; i++) {
            answer(codeIn(codes, participants.get(i)), "ACCEPTED")
                    .statusCode(200)
                    .body("status", equalTo(i < 10 ? "ACCEPTED" : "WAITLISTED"));
        }
        List<JsonNode> waitlisted = MessageTopic.read(e.id(), MessageTopic.kind("INVITATION_WAITLISTED", session), 2);
        assertThat(waitlisted)
                .extracting(MessageTopic::recipient)
                .containsExactlyInAnyOrder(participants.get(10), participants.get(11));
        anonymous()
                .get(INVITATIONS, codeIn(codes, participants.get(11)))
                .then()
                .body("seatsFree", equalTo(0))
                .body("waitlistLength", equalTo(2));

        // one declines: the first waiting moves up and is told so
        answer(codeIn(codes, participants.get(3)), "DECLINED").statusCode(200).body("status", equalTo("DECLINED"));
        List<JsonNode> movedUp = MessageTopic.read(e.id(), MessageTopic.kind("INVITATION_MOVED_UP", session), 1);
        assertThat(movedUp).extracting(MessageTopic::recipient).containsExactly(participants.get(10));
        anonymous().get(INVITATIONS, codeIn(codes, participants.get(10))).then().body("status", equalTo("ACCEPTED"));
        // a link from a later message works as well as the first one
        anonymous()
                .get(INVITATIONS, codeOf(movedUp.get(0)))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        // a reschedule goes to everyone not declined, with the next SEQUENCE
        String etag = facilitator()
                .get("/api/v1/sessions/{id}", session)
                .then()
                .extract()
                .header("ETag");
        OffsetDateTime later = nextWeek();
        facilitator()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of(
                        "startsAt",
                        later.toString(),
                        "endsAt",
                        later.plusHours(2).toString()))
                .patch("/api/v1/sessions/{id}", session)
                .then()
                .statusCode(200)
                .body("sequence", equalTo(1));
        List<JsonNode> moved = MessageTopic.read(e.id(), MessageTopic.kind("SESSION_RESCHEDULED", session), 11);
        assertThat(moved).hasSize(11);
        assertThat(moved).extracting(MessageTopic::recipient).doesNotContain(participants.get(3));
        for (JsonNode m : moved) {
            assertThat(unfolded(m)).contains("METHOD:REQUEST", "SEQUENCE:1");
            assertThat(OffsetDateTime.parse(m.path("values").path("startsAt").asText()))
                    .isEqualTo(later);
        }

        // a cancellation sends CANCEL to the same people, without a link
        etag = facilitator()
                .get("/api/v1/sessions/{id}", session)
                .then()
                .extract()
                .header("ETag");
        facilitator()
                .header("If-Match", etag)
                .body(Map.of("reason", "The venue is unavailable."))
                .post("/api/v1/sessions/{id}/cancel", session)
                .then()
                .statusCode(200);
        List<JsonNode> cancelled = MessageTopic.read(e.id(), MessageTopic.kind("SESSION_CANCELLED", session), 11);
        assertThat(cancelled).hasSize(11);
        for (JsonNode m : cancelled) {
            assertThat(m.hasNonNull("link")).isFalse();
            assertThat(m.path("calendar").path("method").asText()).isEqualTo("CANCEL");
            assertThat(unfolded(m)).contains("METHOD:CANCEL", "SEQUENCE:2", "STATUS:CANCELLED");
        }
        // answers stop with the session; the link still shows it
        answer(firstCode, "DECLINED").statusCode(409);
        anonymous().get(INVITATIONS, firstCode).then().statusCode(200).body("session.status", equalTo("CANCELLED"));

        List<JsonNode> all = MessageTopic.read(e.id(), m -> true, 1);
        assertNoAddressesOrNames(all, List.of());
    }

    @Test
    void aPollIsDecidedByVotesCastThroughPersonalLinks() {
        Api.Engagement e = Api.activeEngagement(events, 2, 1);
        UUID residents = e.parties().get(0);
        UUID municipality = e.parties().get(1);
        String poll = facilitator()
                .body(Map.of(
                        "engagementId", e.id(),
                        "title", "Derde dialoogsessie",
                        "slots", List.of(slot(nextWeek()), slot(nextWeek())),
                        "partyIds", e.parties()))
                .post("/api/v1/scheduling-polls")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<JsonNode> asked =
                MessageTopic.read(e.id(), m -> m.path("kind").asText().equals("POLL_INVITATION"), 3);
        assertThat(asked)
                .extracting(MessageTopic::recipient)
                .containsExactlyInAnyOrderElementsOf(
                        e.allParticipants().stream().map(UUID::toString).toList());
        Map<String, String> codes = new LinkedHashMap<>();
        asked.forEach(m -> {
            assertThat(m.path("values").path("pollTitle").asText()).isEqualTo("Derde dialoogsessie");
            assertThat(m.path("link").asText()).contains("/api/v1/personal-polls/");
            codes.put(MessageTopic.recipient(m), codeOf(m));
        });

        List<String> slots = anonymous()
                .get(
                        "/api/v1/personal-polls/{code}",
                        codeIn(codes, e.participants(residents).get(0).toString()))
                .then()
                .statusCode(200)
                .body("title", equalTo("Derde dialoogsessie"))
                .body("availableSlotIds.size()", equalTo(0))
                .extract()
                .path("slots.id");
        String first = slots.get(0);
        String second = slots.get(1);
        // the residents can make both, the municipality only the second: the second slot wins
        for (UUID resident : e.participants(residents)) {
            vote(codeIn(codes, resident.toString()), List.of(first, second))
                    .statusCode(200)
                    .body("availableSlotIds", equalTo(List.of(first, second)));
        }
        vote(codeIn(codes, e.participants(municipality).get(0).toString()), List.of(second))
                .statusCode(200);
        vote(
                        codeIn(codes, e.participants(municipality).get(0).toString()),
                        List.of(UUID.randomUUID().toString()))
                .statusCode(400)
                .body("invalidParams.name", equalTo(List.of("availableSlotIds[0]")));
        facilitator()
                .get("/api/v1/scheduling-polls/{id}", poll)
                .then()
                .body("ranking[0].slotId", equalTo(second))
                .body("ranking[0].participantsAvailable", equalTo(3));
        facilitator()
                .body(Map.of(
                        "slotId",
                        second,
                        "type",
                        "DIALOGUE_SESSION",
                        "title",
                        "Derde dialoogsessie",
                        "location",
                        Map.of("mode", "ON_SITE", "address", "Wijkcentrum De Boog")))
                .post("/api/v1/scheduling-polls/{id}/decision", poll)
                .then()
                .statusCode(201);

        // decided: the poll links are spent, and answer exactly as a code that never existed
        String spent = anonymous()
                .get(
                        "/api/v1/personal-polls/{code}",
                        codeIn(codes, e.participants(municipality).get(0).toString()))
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String wrong = anonymous()
                .get(
                        "/api/v1/personal-polls/{code}",
                        "x" + codeIn(codes, e.participants(municipality).get(0).toString()))
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(withoutInstance(spent)).isEqualTo(withoutInstance(wrong));
    }

    @Test
    void aRegistrantManagesTheirRegistrationWithTheSignUpCodeOrTheLinkOfTheirMessage() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String session = Api.scheduleWith(
                e.id(), nextWeek(), Map.of("type", "CITIZEN_EVENING", "capacity", 1, "openRegistration", true));
        String firstCode = register(session, "Fatima el Amrani", "fatima@example.nl")
                .body("status", equalTo("CONFIRMED"))
                .extract()
                .path("code");
        USED_CODES.add(firstCode);
        String firstId = anonymous()
                .get("/api/v1/personal-registrations/{code}", firstCode)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("session.id", equalTo(session))
                .body("name", nullValue())
                .extract()
                .path("id");
        register(session, "Pieter de Vries", "pieter@example.nl").body("status", equalTo("WAITLISTED"));

        JsonNode confirmed = MessageTopic.read(e.id(), MessageTopic.kind("REGISTRATION_CONFIRMED", session), 1)
                .get(0);
        assertThat(confirmed.path("recipient").path("type").asText()).isEqualTo("REGISTRATION");
        assertThat(MessageTopic.recipient(confirmed)).isEqualTo(firstId);
        assertThat(codeOf(confirmed)).isNotEqualTo(firstCode);
        JsonNode waiting = MessageTopic.read(e.id(), MessageTopic.kind("REGISTRATION_WAITLISTED", session), 1)
                .get(0);
        anonymous()
                .get("/api/v1/personal-registrations/{code}", codeOf(waiting))
                .then()
                .statusCode(200)
                .body("status", equalTo("WAITLISTED"));
        assertThat(anonymous()
                        .get("/api/v1/personal-registrations/{code}/calendar.ics", codeOf(confirmed))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("UID:" + session + "@dialoog");

        // cancelling with the message's link frees the seat for the one waiting; the links are spent then
        anonymous()
                .delete("/api/v1/personal-registrations/{code}", codeOf(confirmed))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        JsonNode movedUp = MessageTopic.read(e.id(), MessageTopic.kind("REGISTRATION_MOVED_UP", session), 1)
                .get(0);
        assertThat(MessageTopic.recipient(movedUp)).isEqualTo(MessageTopic.recipient(waiting));
        String spent = anonymous()
                .get("/api/v1/personal-registrations/{code}", firstCode)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String wrong = anonymous()
                .get("/api/v1/personal-registrations/{code}", "never-issued-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(withoutInstance(spent)).isEqualTo(withoutInstance(wrong));
        // an invitation link does not open a registration, nor the other way round
        anonymous().get(INVITATIONS, codeOf(waiting)).then().statusCode(404);

        assertNoAddressesOrNames(
                MessageTopic.read(e.id(), m -> true, 1), List.of("Fatima", "Amrani", "Pieter", "Vries", "example.nl"));
    }

    @Test
    void aWrongCodeIsTheSameNotFoundProblemOnEveryPersonalPath() {
        for (String path :
                List.of(INVITATIONS, "/api/v1/personal-polls/{code}", "/api/v1/personal-registrations/{code}")) {
            anonymous()
                    .get(path, "abc")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Not found"))
                    .body("detail", equalTo("No personal link has this code, or it is no longer valid."));
        }
        answer("abc", "ACCEPTED").statusCode(404);
        answer("abc", "MAYBE").statusCode(400);
    }

    @Test
    void guessingCodesFromOneAddressIsRateLimited() {
        String address = "10.3." + ThreadLocalRandom.current().nextInt(256) + ".7";
        int status = 0;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = given().header("X-Forwarded-For", address)
                    .get(INVITATIONS, "guess-" + i)
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status).isIn(404, 429);
        }
        given().header("X-Forwarded-For", address)
                .get("/api/v1/personal-polls/{code}", "guess")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
    }

    @Test
    void aWithdrawnInvitationFreesItsSeatClosesItsLinkAndTellsTheInvitee() throws Exception {
        Api.Engagement e = Api.activeEngagement(events, 2);
        String session = Api.scheduleWith(e.id(), nextWeek(), Map.of("capacity", 1));
        facilitator()
                .body(Map.of("partyIds", e.parties()))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200);
        Map<String, String> codes = new LinkedHashMap<>();
        for (JsonNode m : MessageTopic.read(e.id(), MessageTopic.kind("INVITATION", session), 2)) {
            codes.put(MessageTopic.recipient(m), codeOf(m));
        }
        List<UUID> people = e.allParticipants();
        UUID seated = people.get(0);
        UUID waiting = people.get(1);
        answer(codeIn(codes, seated.toString()), "ACCEPTED").statusCode(200).body("status", equalTo("ACCEPTED"));
        answer(codeIn(codes, waiting.toString()), "ACCEPTED").statusCode(200).body("status", equalTo("WAITLISTED"));

        facilitator()
                .delete("/api/v1/sessions/{id}/invitations/{p}", session, seated)
                .then()
                .statusCode(204);
        // the seat went to the first on the waitlist, the link no longer opens anything
        facilitator()
                .get("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].participantId", equalTo(waiting.toString()))
                .body("items[0].status", equalTo("ACCEPTED"));
        anonymous().get(INVITATIONS, codeIn(codes, seated.toString())).then().statusCode(404);
        answer(codeIn(codes, seated.toString()), "ACCEPTED").statusCode(404);
        // the invitee is told, with a CANCEL for their calendar and no link
        List<JsonNode> withdrawn = MessageTopic.read(e.id(), MessageTopic.kind("INVITATION_WITHDRAWN", session), 1);
        assertThat(withdrawn).extracting(MessageTopic::recipient).containsExactly(seated.toString());
        assertThat(withdrawn.get(0).path("link").isMissingNode()
                        || withdrawn.get(0).path("link").isNull())
                .isTrue();
        assertThat(unfolded(withdrawn.get(0))).contains("METHOD:CANCEL");

        // not invited any more: 404; invited again: a new invitation
        facilitator()
                .delete("/api/v1/sessions/{id}/invitations/{p}", session, seated)
                .then()
                .statusCode(404);
        facilitator()
                .body(Map.of("participantIds", List.of(seated)))
                .post("/api/v1/sessions/{id}/invitations", session)
                .then()
                .statusCode(200)
                .body("invited[0].participantId", equalTo(seated.toString()))
                .body("invited[0].status", equalTo("INVITED"));

        // a cancelled session's invitations stay as they are
        facilitator()
                .body(Map.of("reason", "Zaal niet beschikbaar"))
                .post("/api/v1/sessions/{id}/cancel", session)
                .then()
                .statusCode(200);
        facilitator()
                .delete("/api/v1/sessions/{id}/invitations/{p}", session, waiting)
                .then()
                .statusCode(409);
    }

    private static String codeOf(JsonNode message) {
        String code = MessageTopic.code(message);
        USED_CODES.add(code);
        return code;
    }

    private static String codeIn(Map<String, String> codes, String recipient) {
        return Objects.requireNonNull(codes.get(recipient), "no message to " + recipient);
    }

    private static Map<String, Object> slot(OffsetDateTime startsAt) {
        return Map.of(
                "startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(2).toString());
    }

    private static io.restassured.response.ValidatableResponse answer(String code, String response) {
        return anonymous()
                .body(Map.of("response", response))
                .put(INVITATIONS + "/response", code)
                .then();
    }

    private static io.restassured.response.ValidatableResponse vote(String code, List<String> slots) {
        return anonymous()
                .body(Map.of("availableSlotIds", slots))
                .put("/api/v1/personal-polls/{code}/votes", code)
                .then();
    }

    private static io.restassured.response.ValidatableResponse register(String session, String name, String email) {
        return anonymous()
                .body(Map.of("name", name, "email", email))
                .post("/api/v1/sessions/{id}/registrations", session)
                .then()
                .statusCode(201);
    }

    /** A member of the public at a client address no other request uses (the test profile reads X-Forwarded-For). */
    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON)
                .header(
                        "X-Forwarded-For",
                        "10.2." + ThreadLocalRandom.current().nextInt(256) + "."
                                + (1 + ThreadLocalRandom.current().nextInt(254)));
    }

    /** The calendar's content lines, unfolded. */
    private static String unfolded(JsonNode message) {
        return message.path("calendar").path("content").asText().replace("\r\n ", "");
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    private static void assertNoAddressesOrNames(List<JsonNode> messages, List<String> names) {
        assertThat(messages).isNotEmpty();
        for (JsonNode m : messages) {
            String text = m.toString();
            assertThat(Redaction.EMAIL.matcher(text).find())
                    .as("an e-mail address in " + text)
                    .isFalse();
            for (String name : names) {
                assertThat(text).doesNotContain(name);
            }
        }
    }
}
