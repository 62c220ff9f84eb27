package org.dialoog.engagement.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dialoog.conventions.mail.MessageKind;
import org.dialoog.conventions.mail.MessageRequest;
import org.dialoog.conventions.mail.Messages;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.EventPublisher;
import org.dialoog.testkit.MailServer;
import org.dialoog.testkit.MailServer.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Message requests on the messages topic become e-mails in a real mailbox (GreenMail): in the participant's
 * language, with their link and calendar, once per message id, none for who opted out, all of them after the
 * mail server was down.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "service", value = "engagement"), @ResourceArg(name = "mail", value = "true")})
class MessageDeliveryTest {

    private static final String TOPIC = "dialoog.messages";
    private static final String SESSION_SERVICE = "urn:dialoog:session-service";
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALENDAR = String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Dialoog//Sessions//NL",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "UID:session-1@dialoog",
            "DTSTAMP:20260301T120000Z",
            "DTSTART:20260303T180000Z",
            "DTEND:20260303T200000Z",
            "SEQUENCE:0",
            "SUMMARY:Buurtavond Lombok",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    private static EventPublisher publisher;
    private static MailServer mail;

    @BeforeAll
    static void connect() {
        publisher = new EventPublisher();
        mail = MailServer.shared();
    }

    @AfterAll
    static void disconnect() {
        if (mail != null) {
            mail.start();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void anInvitationArrivesInEachParticipantsLanguageWithTheirLinkAndACalendarThatParses() throws Exception {
        UUID engagement = Api.createEngagement("Lombok aan tafel");
        String party = party(engagement);
        UUID fatima = participant(engagement, party, "Fatima El Amrani", "fatima.inv@example.nl", "nl", false);
        UUID john = participant(engagement, party, "John Smith", "john.inv@example.nl", "en", false);
        UUID session = UUID.randomUUID();
        MessageRequest toFatima = invitation(engagement, session, fatima, "https://dialoog.test/i/fatima-code");
        MessageRequest toJohn = invitation(engagement, session, john, "https://dialoog.test/i/john-code");
        publish(toFatima);
        publish(toJohn);

        ReceivedMail nl = arrived("fatima.inv@example.nl", 1).get(0);
        ReceivedMail en = arrived("john.inv@example.nl", 1).get(0);
        assertThat(nl.subject()).isEqualTo("Uitnodiging: Buurtavond Lombok");
        assertThat(nl.text())
                .contains("Beste Fatima El Amrani")
                .contains("https://dialoog.test/i/fatima-code")
                .contains("dinsdag 3 maart 2026, 19:00–21:00 (Europe/Amsterdam)")
                .contains("Buurthuis De Boei")
                .contains("deelneemt aan \"Lombok aan tafel\"");
        assertThat(en.subject()).isEqualTo("Invitation: Buurtavond Lombok");
        assertThat(en.text())
                .contains("Dear John Smith")
                .contains("https://dialoog.test/i/john-code")
                .contains("Tuesday 3 March 2026, 19:00–21:00 (Europe/Amsterdam)")
                .contains("take part in \"Lombok aan tafel\"");
        for (ReceivedMail m : List.of(nl, en)) {
            assertThat(m.attachments()).hasSize(1);
            ReceivedMail.Attachment ics = m.attachments().get(0);
            assertThat(ics.fileName()).isEqualTo("invite.ics");
            assertThat(ics.contentType()).contains("text/calendar").containsIgnoringCase("method=REQUEST");
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics.content()));
            assertThat(calendar.getComponents()).hasSize(1);
            assertThat(m.from()).contains("noreply@dialoog.local");
        }
        assertThat(nl.header("Message-ID")).isEqualTo("<" + toFatima.messageId() + "@dialoog.local>");
        assertThat(en.header("Message-ID")).isEqualTo("<" + toJohn.messageId() + "@dialoog.local>");
        // each mail holds its own recipient's data only
        assertThat(nl.raw()).doesNotContain("john", "John", "john-code");
        assertThat(en.raw()).doesNotContain("fatima", "Fatima", "fatima-code");
    }

    @Test
    void theSameMessageIdTwiceSendsOneMail() {
        UUID engagement = Api.createEngagement("Twee keer");
        UUID anna = participant(engagement, party(engagement), "Anna Jansen", "anna.twice@example.nl", "nl", false);
        UUID session = UUID.randomUUID();
        MessageRequest once = invitation(engagement, session, anna, "https://dialoog.test/i/anna");
        publish(once);
        publish(once);
        MessageRequest after = reminder(engagement, session, anna);
        publish(after);
        // the reminder comes after the repeat on the same partition: once it arrived, the repeat was handled
        await().atMost(ARRIVAL)
                .until(() -> mail.receivedBy("anna.twice@example.nl").size() >= 2);
        assertThat(mail.receivedBy("anna.twice@example.nl"))
                .extracting(ReceivedMail::subject)
                .containsExactly("Uitnodiging: Buurtavond Lombok", "Herinnering: Buurtavond Lombok");
        summary("sessionId", session)
                .body("total", equalTo(2))
                .body("states.sent", equalTo(2))
                .body("kinds.find { it.kind == 'INVITATION' }.states.sent", equalTo(1));
    }

    @Test
    void anOptedOutParticipantGetsNothingAndTheMessageIsSuppressed() {
        UUID engagement = Api.createEngagement("Liever niet");
        String party = party(engagement);
        UUID quiet = participant(engagement, party, "Stil Persoon", "quiet@example.nl", "nl", true);
        UUID loud = participant(engagement, party, "Luid Persoon", "loud@example.nl", "nl", false);
        UUID session = UUID.randomUUID();
        publish(invitation(engagement, session, quiet, "https://dialoog.test/i/quiet"));
        publish(invitation(engagement, session, loud, "https://dialoog.test/i/loud"));
        arrived("loud@example.nl", 1);
        await().atMost(ARRIVAL)
                .untilAsserted(() -> summary("sessionId", session)
                        .body("states.suppressed", equalTo(1))
                        .body("states.sent", equalTo(1)));
        assertThat(mail.receivedBy("quiet@example.nl")).isEmpty();
    }

    @Test
    void anUnknownParticipantFailsThatMessageAndTheNextOnesStillArrive() {
        UUID engagement = Api.createEngagement("Onbekend");
        UUID known = participant(engagement, party(engagement), "Bekend Iemand", "known@example.nl", "en", false);
        UUID session = UUID.randomUUID();
        publish(invitation(engagement, session, UUID.randomUUID(), "https://dialoog.test/i/nobody"));
        // a registration is session-service's to send: skipped here, no record
        MessageRequest registration = new MessageRequest(
                UUID.randomUUID(),
                MessageKind.REGISTRATION_CONFIRMED,
                new MessageRequest.Recipient(MessageRequest.RecipientType.REGISTRATION, UUID.randomUUID()),
                engagement,
                session,
                null,
                "https://dialoog.test/r/code",
                values(),
                null);
        publish(registration);
        publish(invitation(engagement, session, known, "https://dialoog.test/i/known"));
        arrived("known@example.nl", 1);
        await().atMost(ARRIVAL)
                .untilAsserted(() -> summary("sessionId", session)
                        .body("total", equalTo(2))
                        .body("states.failed", equalTo(1))
                        .body("states.sent", equalTo(1)));
    }

    @Test
    void aMailServerOutageDuringABurstDelaysEveryMailAndSendsNoneTwice() throws Exception {
        UUID engagement = Api.createEngagement("Storing");
        String party = party(engagement);
        UUID session = UUID.randomUUID();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(participant(engagement, party, "Bewoner " + i, "burst" + i + "@example.nl", "nl", false));
        }
        List<MessageRequest> requests = new ArrayList<>();
        mail.stop();
        try {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                MessageRequest r = invitation(engagement, session, people.get(i), "https://dialoog.test/i/burst" + i);
                requests.add(r);
                records.add(record(r));
            }
            publisher.sendAll(records);
            await().atMost(ARRIVAL)
                    .untilAsserted(() -> summary("sessionId", session)
                            .body(
                                    "states.queued",
                                    equalTo(1))); // the first waits for the mail server, the rest behind it
            Thread.sleep(10_000);
            summary("sessionId", session).body("states.sent", equalTo(0)).body("states.failed", equalTo(0));
        } finally {
            mail.start();
        }
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> summary("sessionId", session).body("states.sent", equalTo(20)));
        Map<String, Long> byMessageId = mail.received().stream()
                .filter(m -> m.to().stream().anyMatch(t -> t.startsWith("burst")))
                .collect(Collectors.groupingBy(m -> String.valueOf(m.header("Message-ID")), Collectors.counting()));
        assertThat(byMessageId).hasSize(20);
        assertThat(byMessageId.values()).containsOnly(1L);
        Set<String> expected = requests.stream()
                .map(r -> "<" + r.messageId() + "@dialoog.local>")
                .collect(Collectors.toSet());
        assertThat(byMessageId.keySet()).isEqualTo(expected);
        JsonPath summary = summary("sessionId", session).extract().jsonPath();
        assertThat(summary.getInt("total")).isEqualTo(20);
    }

    @Test
    void theSummaryNeedsExactlyOneOfSessionAndRoundAndIsForFacilitators() {
        Api.facilitator()
                .get("/api/v1/message-deliveries/summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.facilitator()
                .queryParam("sessionId", UUID.randomUUID())
                .queryParam("roundId", UUID.randomUUID())
                .get("/api/v1/message-deliveries/summary")
                .then()
                .statusCode(400);
        Api.as("client-1", "client", Api.TENANT)
                .queryParam("roundId", UUID.randomUUID())
                .get("/api/v1/message-deliveries/summary")
                .then()
                .statusCode(403);
        Api.facilitator()
                .queryParam("roundId", UUID.randomUUID())
                .get("/api/v1/message-deliveries/summary")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("kinds.size()", equalTo(0));
    }

    @Test
    void aParticipantsLanguageIsNlOrEnAndTheirChoicesSurviveAPatch() {
        UUID engagement = Api.createEngagement("Taal");
        String party = party(engagement);
        Map<String, Object> german = new HashMap<>(Map.of(
                "partyId",
                party,
                "displayName",
                "Duits",
                "email",
                "de@example.nl",
                "role",
                "MEMBER",
                "language",
                "de"));
        Api.facilitator()
                .body(german)
                .post("/api/v1/engagements/" + engagement + "/participants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        UUID plain = UUID.fromString(Api.facilitator()
                .body(Map.of("partyId", party, "displayName", "Standaard", "email", "std@example.nl", "role", "MEMBER"))
                .post("/api/v1/engagements/" + engagement + "/participants")
                .then()
                .statusCode(201)
                .body("language", equalTo("nl"))
                .body("messagesOptOut", equalTo(false))
                .extract()
                .<String>path("id"));
        Api.facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("messagesOptOut", true, "language", "en"))
                .patch("/api/v1/engagements/" + engagement + "/participants/" + plain)
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("messagesOptOut", equalTo(true));
        Api.facilitator()
                .contentType("application/merge-patch+json")
                .body(Map.of("displayName", "Standaard Twee"))
                .patch("/api/v1/engagements/" + engagement + "/participants/" + plain)
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("messagesOptOut", equalTo(true));
    }

    // --- helpers

    private static io.restassured.response.ValidatableResponse summary(String param, UUID id) {
        return Api.facilitator()
                .queryParam(param, id)
                .get("/api/v1/message-deliveries/summary")
                .then()
                .statusCode(200);
    }

    private static List<ReceivedMail> arrived(String address, int count) {
        await().atMost(ARRIVAL).until(() -> mail.receivedBy(address).size() >= count);
        return mail.receivedBy(address);
    }

    private static Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        v.put("sessionTitle", "Buurtavond Lombok");
        v.put("startsAt", "2026-03-03T19:00:00+01:00");
        v.put("endsAt", "2026-03-03T21:00:00+01:00");
        v.put("timeZone", "Europe/Amsterdam");
        v.put("location", "Buurthuis De Boei");
        v.put("engagementTitle", "Lombok aan tafel");
        return v;
    }

    private static MessageRequest invitation(UUID engagement, UUID session, UUID participant, String link) {
        return new MessageRequest(
                UUID.randomUUID(),
                MessageKind.INVITATION,
                new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, participant),
                engagement,
                session,
                null,
                link,
                values(),
                new MessageRequest.CalendarAttachment("REQUEST", CALENDAR));
    }

    private static MessageRequest reminder(UUID engagement, UUID session, UUID participant) {
        return new MessageRequest(
                UUID.randomUUID(),
                MessageKind.SESSION_REMINDER,
                new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, participant),
                engagement,
                session,
                null,
                null,
                values(),
                null);
    }

    private static void publish(MessageRequest r) {
        publisher.sendRaw(record(r), r.messageId().toString());
    }

    private static ProducerRecord<String, String> record(MessageRequest r) {
        try {
            return EventPublisher.event(
                    TOPIC,
                    SESSION_SERVICE,
                    r.messageId().toString(),
                    Messages.REQUESTED,
                    r.engagementId(),
                    Api.TENANT,
                    JSON.writeValueAsString(r));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String party(UUID engagement) {
        return Api.facilitator()
                .body(Map.of("name", "Bewoners", "type", "RESIDENTS"))
                .post("/api/v1/engagements/" + engagement + "/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static UUID participant(
            UUID engagement, String party, String name, String email, String language, boolean optOut) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyId", party);
        body.put("displayName", name);
        body.put("email", email);
        body.put("role", "MEMBER");
        body.put("language", language);
        body.put("messagesOptOut", optOut);
        String id = Api.facilitator()
                .body(body)
                .post("/api/v1/engagements/" + engagement + "/participants")
                .then()
                .statusCode(201)
                .body("language", equalTo(language))
                .body("messagesOptOut", equalTo(optOut))
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
