package org.dialoog.messages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.KafkaBroker;
import org.dialoog.testkit.MailServer;
import org.dialoog.testkit.MailServer.ReceivedMail;
import org.dialoog.testkit.ServiceProcess;
import org.dialoog.testkit.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's acceptance through the running system: the three services as processes (session-service as
 * two replicas on one database), one broker, one mail server. Participants never get a token: they act
 * only through the personal links in the mails they receive.
 *
 * <ul>
 *   <li>a party of 12 invited to a session of 10: 12 invitation mails with a link and a calendar that
 *       parses; 10 accept through their links, 2 are waitlisted by mail; a decline moves the first waiting
 *       one up by mail; a reschedule sends updates with the next SEQUENCE to everyone not declined; a
 *       cancel sends CANCEL;
 *   <li>reminders at two offsets, exactly once each, while one session-service replica is killed and
 *       restarted in between, and the mail server is down for a minute during a burst of invitations:
 *       every mail arrives afterwards, none twice;
 *   <li>a completed session opens its evaluation round: each attendee gets one mail whose link answers once;
 *   <li>a poll decided by votes cast through personal links; an opted-out participant receives nothing;
 *   <li>no mail holds another person's name or address; a wrong code is a 404 problem.
 * </ul>
 */
class MessagesAcceptanceTest {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("dialoog.messages.outage-seconds", 60));
    private static final Duration MAIL_WAIT = Duration.ofSeconds(90);
    private static final Pattern LINK =
            Pattern.compile("https?://[^\\s<>\"]+/personal-(invitations|polls|registrations)/([A-Za-z0-9_-]{20,})");
    private static final Pattern TOKEN_LINK = Pattern.compile("https?://[^\\s<>\"]*token=([A-Za-z0-9_-]{20,})");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "mail-" + run;
    private final String facilitator = DevTokens.mint("mail-facilitator-" + run, List.of("facilitator"), tenant);

    /** Participant id → (name, address), everyone of this run. */
    private final Map<UUID, Person> people = new LinkedHashMap<>();

    private record Person(UUID id, String name, String email, String language) {}

    private MailServer mail = MailServer.shared();
    private @Nullable ServiceProcess engagement;
    private @Nullable ServiceProcess session1;
    private @Nullable ServiceProcess session2;
    private @Nullable ServiceProcess feedback;

    @Test
    void participantsAnswerThroughTheirMailsAndEveryMessageArrivesOnce() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path brokerDir = Path.of("target", "kafka-messages-" + run);
        try (KafkaBroker broker = new KafkaBroker(brokerDir, KafkaBroker.freePort());
                TestDatabase sessionDb = TestDatabase.create("dialoog_session_messages")) {
            broker.start();
            mail.start();
            var e = CompletableFuture.supplyAsync(() -> service("engagement", 1, broker, null));
            var s1 = CompletableFuture.supplyAsync(() -> service("session", 1, broker, sessionDb));
            var s2 = CompletableFuture.supplyAsync(() -> service("session", 2, broker, sessionDb));
            var f = CompletableFuture.supplyAsync(() -> service("feedback", 1, broker, null));
            try {
                engagement = e.join();
                session1 = s1.join();
                session2 = s2.join();
                feedback = f.join();
                walk(broker, sessionDb);
            } finally {
                for (var starting : List.of(e, s1, s2, f)) {
                    ServiceProcess p = starting.handle((ready, failed) -> ready).join();
                    if (p != null) {
                        p.close();
                    }
                }
                for (ServiceProcess p : new ServiceProcess[] {session1, session2}) {
                    if (p != null) {
                        p.close();
                    }
                }
            }
        }
    }

    private void walk(KafkaBroker broker, TestDatabase sessionDb) throws Exception {
        // --- an engagement with a party of 12 residents and a municipality of 2, one of whom opted out
        UUID eng = create(
                engagementApi(),
                "/engagements",
                Map.of(
                        "title",
                        "Samen verder in de wijk " + run,
                        "kind",
                        "CITIZEN_PARTICIPATION",
                        "objectives",
                        List.of("BUILD_TRUST"),
                        "clientOrganisation",
                        "Gemeente Utrecht"));
        UUID residents = create(
                engagementApi(), "/engagements/" + eng + "/parties", Map.of("name", "Bewoners", "type", "RESIDENTS"));
        UUID municipality = create(
                engagementApi(),
                "/engagements/" + eng + "/parties",
                Map.of("name", "Gemeente", "type", "MUNICIPALITY"));
        List<UUID> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(participant(eng, residents, "Bewoner " + i + " " + run, i <= 2 ? "en" : "nl", false));
        }
        UUID official = participant(eng, municipality, "Ambtenaar " + run, "nl", false);
        UUID optedOut = participant(eng, municipality, "Wethouder " + run, "nl", true);
        engagementApi()
                .body(Map.of("status", "ACTIVE", "reason", "Acceptance"))
                .post("/engagements/" + eng + "/status")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> feedbackApi()
                                .body(Map.of("autoSessionEvaluation", true, "minGroupSize", 5))
                                .put("/engagements/" + eng + "/settings")
                                .statusCode()
                        == 200);

        invitationsThroughLinks(eng, residents, twelve);
        remindersThroughACrashAndAMailOutage(eng, residents, twelve, broker, sessionDb);
        evaluationRoundByMail(eng, residents, twelve);
        pollThroughLinks(eng, residents, municipality, twelve, official);
        registrationByMail(eng);

        // --- what nobody may see
        assertThat(mail.receivedBy(person(optedOut).email()))
                .as("the opted-out participant")
                .isEmpty();
        for (ReceivedMail m : mine()) {
            String addressee = m.to().get(0);
            for (Person other : people.values()) {
                if (!other.email().equals(addressee)) {
                    assertThat(m.raw()).as("a mail to %s", addressee).doesNotContain(other.email(), other.name());
                }
            }
        }
        for (String path : List.of("/personal-invitations/", "/personal-polls/", "/personal-registrations/")) {
            Response wrong = given().baseUri(sessionBase()).get(path + "NoSuchCodeNoSuchCodeNoSuchCode00");
            assertThat(wrong.statusCode()).isEqualTo(404);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
        }
    }

    /** 12 invited to 10 seats, all through links: accept, waitlist, decline, move up, reschedule, cancel. */
    private void invitationsThroughLinks(UUID eng, UUID residents, List<UUID> twelve) throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        UUID sessionId = schedule(eng, "Dialoogsessie " + run, start, 10, List.of());
        sessionApi()
                .body(Map.of("partyIds", List.of(residents)))
                .post("/sessions/" + sessionId + "/invitations")
                .then()
                .statusCode(200);
        Map<UUID, ReceivedMail> invitations = awaitOnePerPerson(twelve, "INVITATION", sessionId);
        Map<UUID, String> codes = new HashMap<>();
        for (UUID p : twelve) {
            ReceivedMail m = Objects.requireNonNull(invitations.get(p));
            assertThat(m.subject()).isNotBlank();
            Calendar ics = calendar(m, "REQUEST");
            assertThat(ics.toString()).contains("SEQUENCE:0");
            codes.put(p, link(m, "invitations"));
            if ("en".equals(person(p).language())) {
                assertThat(m.text()).as("an English participant's mail").containsIgnoringCase("invit");
            }
            // the link shows the session, and the same calendar
            given().baseUri(sessionBase())
                    .get("/personal-invitations/" + codes.get(p))
                    .then()
                    .statusCode(200);
        }
        for (int i = 0; i < 12; i++) {
            answer(codes.get(twelve.get(i)), "ACCEPTED");
        }
        List<UUID> waiting = twelve.subList(10, 12);
        awaitOnePerPerson(waiting, "INVITATION_WAITLISTED", sessionId);
        assertThat(kindOf(twelve.subList(0, 10), "INVITATION_WAITLISTED", sessionId))
                .isEmpty();

        answer(codes.get(twelve.get(3)), "DECLINED");
        awaitOnePerPerson(List.of(waiting.get(0)), "INVITATION_MOVED_UP", sessionId);
        assertThat(kindOf(List.of(waiting.get(1)), "INVITATION_MOVED_UP", sessionId))
                .isEmpty();

        List<UUID> notDeclined = new ArrayList<>(twelve);
        notDeclined.remove(twelve.get(3));
        sessionApi()
                .contentType("application/merge-patch+json")
                .body(Map.of(
                        "startsAt",
                        start.plusDays(1).toString(),
                        "endsAt",
                        start.plusDays(1).plusHours(2).toString()))
                .patch("/sessions/" + sessionId)
                .then()
                .statusCode(200);
        Map<UUID, ReceivedMail> updates = awaitOnePerPerson(notDeclined, "SESSION_RESCHEDULED", sessionId);
        updates.values()
                .forEach(m -> assertThat(calendar(m, "REQUEST").toString()).contains("SEQUENCE:1"));
        assertThat(kindOf(List.of(twelve.get(3)), "SESSION_RESCHEDULED", sessionId))
                .isEmpty();

        sessionApi()
                .body(Map.of("reason", "Acceptance"))
                .post("/sessions/" + sessionId + "/cancel")
                .then()
                .statusCode(200);
        Map<UUID, ReceivedMail> cancels = awaitOnePerPerson(notDeclined, "SESSION_CANCELLED", sessionId);
        cancels.values().forEach(m -> calendar(m, "CANCEL"));
    }

    /**
     * A session with reminders 120 s and 60 s before it starts; while the first comes due the mail server is
     * down for a minute and a burst of invitations for another session is decided, and one session-service
     * replica is killed and started again.
     */
    private void remindersThroughACrashAndAMailOutage(
            UUID eng, UUID residents, List<UUID> twelve, KafkaBroker broker, TestDatabase sessionDb) throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(150);
        UUID soon = schedule(eng, "Kort overleg " + run, start, 20, List.of("PT120S", "PT60S"));
        List<UUID> coming = twelve.subList(0, 5);
        sessionApi()
                .body(Map.of("participantIds", coming))
                .post("/sessions/" + soon + "/invitations")
                .then()
                .statusCode(200);
        Map<UUID, ReceivedMail> invited = awaitOnePerPerson(coming, "INVITATION", soon);
        for (UUID p : coming) {
            answer(link(Objects.requireNonNull(invited.get(p)), "invitations"), "ACCEPTED");
        }

        UUID later = schedule(eng, "Werkatelier " + run, start.plusDays(20), 30, List.of());
        mail.stop();
        long down = System.nanoTime();
        sessionApi()
                .body(Map.of("partyIds", List.of(residents)))
                .post("/sessions/" + later + "/invitations")
                .then()
                .statusCode(200);
        Thread.sleep(10_000);
        ServiceProcess killed = Objects.requireNonNull(session1);
        killed.kill();
        session1 = service("session", 1, broker, sessionDb);
        long left =
                OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        assertThat(mail.received().stream().filter(m -> later.toString().equals(m.header("X-Dialoog-Session"))))
                .isEmpty();
        mail.start();

        awaitOnePerPerson(twelve, "INVITATION", later);
        await().atMost(Duration.ofSeconds(150))
                .until(() -> kindOf(coming, "SESSION_REMINDER", soon).size() == 2 * coming.size());
        Thread.sleep(5_000); // a second copy would have come by now
        assertThat(kindOf(twelve, "INVITATION", later)).hasSize(12);
        Map<UUID, Long> reminders = kindOf(coming, "SESSION_REMINDER", soon).stream()
                .collect(Collectors.groupingBy(this::recipient, Collectors.counting()));
        assertThat(reminders)
                .hasSize(coming.size())
                .allSatisfy((p, n) -> assertThat(n).isEqualTo(2));
        assertThat(kindOf(twelve.subList(5, 12), "SESSION_REMINDER", soon)).isEmpty();
        assertThat(mine().stream().map(m -> m.header("Message-ID")).collect(Collectors.toSet()))
                .as("no mail twice")
                .hasSize(mine().size());
    }

    /** A session with 9 of the 12 present is completed: each attendee gets one mail whose link answers once. */
    private void evaluationRoundByMail(UUID eng, UUID residents, List<UUID> twelve) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        UUID held = schedule(eng, "Avond in de wijk " + run, start, 20, List.of());
        sessionApi()
                .body(Map.of("partyIds", List.of(residents)))
                .post("/sessions/" + held + "/invitations")
                .then()
                .statusCode(200);
        List<UUID> present = twelve.subList(0, 9);
        sessionApi()
                .body(present.stream()
                        .map(p -> Map.of("participantId", p, "present", true))
                        .toList())
                .put("/sessions/" + held + "/attendance")
                .then()
                .statusCode(200);
        sessionApi().post("/sessions/" + held + "/complete").then().statusCode(200);
        Map<UUID, ReceivedMail> opened = awaitOnePerPerson(present, "FEEDBACK_ROUND_OPENED", held);
        assertThat(kindOf(twelve.subList(9, 12), "FEEDBACK_ROUND_OPENED", held)).isEmpty();
        String round = Objects.requireNonNull(opened.values().iterator().next().header("X-Dialoog-Round"));
        Map<String, Object> answers =
                Map.of("trust", 4, "communication", 4, "voice", 5, "sharedSolution", 3, "ownership", 3, "calm", 4);
        for (ReceivedMail m : opened.values()) {
            Matcher token = TOKEN_LINK.matcher(m.text());
            assertThat(token.find())
                    .as("a link with the respondent token in %s", m.text())
                    .isTrue();
            Map<String, Object> body = Map.of("token", token.group(1), "answers", answers);
            given().baseUri(feedbackBase())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/feedback-rounds/" + round + "/responses")
                    .then()
                    .statusCode(201);
            given().baseUri(feedbackBase())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/feedback-rounds/" + round + "/responses")
                    .then()
                    .statusCode(409);
        }
    }

    /** A poll for both parties: everyone but the opted-out one gets a link, and the votes decide. */
    private void pollThroughLinks(UUID eng, UUID residents, UUID municipality, List<UUID> twelve, UUID official) {
        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.HOURS);
        Response poll = sessionApi()
                .body(Map.of(
                        "engagementId",
                        eng,
                        "title",
                        "Volgende sessie " + run,
                        "slots",
                        List.of(
                                Map.of(
                                        "startsAt",
                                        day.toString(),
                                        "endsAt",
                                        day.plusHours(2).toString()),
                                Map.of(
                                        "startsAt",
                                        day.plusDays(1).toString(),
                                        "endsAt",
                                        day.plusDays(1).plusHours(2).toString())),
                        "partyIds",
                        List.of(residents, municipality)))
                .post("/scheduling-polls");
        poll.then().statusCode(201);
        UUID pollId = UUID.fromString(poll.jsonPath().getString("id"));
        List<String> slots = poll.jsonPath().getList("ranking.slotId");
        List<UUID> asked = new ArrayList<>(twelve);
        asked.add(official);
        Map<UUID, ReceivedMail> links = awaitOnePerPerson(asked, "POLL_INVITATION", null);
        for (UUID p : asked) {
            String code = link(Objects.requireNonNull(links.get(p)), "polls");
            given().baseUri(sessionBase())
                    .contentType(ContentType.JSON)
                    .body(Map.of("availableSlotIds", List.of(slots.get(1))))
                    .put("/personal-polls/" + code + "/votes")
                    .then()
                    .statusCode(200);
        }
        sessionApi()
                .get("/scheduling-polls/" + pollId)
                .then()
                .statusCode(200)
                .body("ranking[0].slotId", org.hamcrest.Matchers.equalTo(slots.get(1)))
                .body("ranking[0].partiesCovered", org.hamcrest.Matchers.equalTo(2));
        sessionApi()
                .body(Map.of(
                        "slotId", slots.get(1),
                        "type", "WORKSHOP",
                        "title", "Werksessie " + run,
                        "location", Map.of("mode", "ONLINE", "url", "https://meet.example.nl/werk"),
                        "facilitators", List.of("fac-" + UUID.randomUUID())))
                .post("/scheduling-polls/" + pollId + "/decision")
                .then()
                .statusCode(201);
    }

    /** A member of the public signs up for a citizen evening: the confirmation comes from session-service. */
    private void registrationByMail(UUID eng) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(12).truncatedTo(ChronoUnit.HOURS);
        String title = "Bewonersavond " + run;
        Map<String, Object> body = new HashMap<>(Map.of(
                "engagementId",
                eng,
                "type",
                "CITIZEN_EVENING",
                "title",
                title,
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "location",
                Map.of("mode", "ON_SITE", "address", "Stadhuis"),
                "capacity",
                100,
                "openRegistration",
                true,
                "facilitators",
                List.of("fac-" + UUID.randomUUID())));
        UUID evening = create(sessionApi(), "/sessions", body);
        Person fatima = new Person(UUID.randomUUID(), "Fatima " + run, "fatima." + run + "@example.nl", "en");
        people.put(fatima.id(), fatima);
        given().baseUri(sessionBase())
                .contentType(ContentType.JSON)
                .body(Map.of("name", fatima.name(), "email", fatima.email(), "language", "en"))
                .post("/sessions/" + evening + "/registrations")
                .then()
                .statusCode(201);
        ReceivedMail confirmed =
                Objects.requireNonNull(awaitOnePerPerson(List.of(fatima.id()), "REGISTRATION_CONFIRMED", evening)
                        .get(fatima.id()));
        calendar(confirmed, "REQUEST");
        String code = link(confirmed, "registrations");
        given().baseUri(sessionBase())
                .get("/personal-registrations/" + code)
                .then()
                .statusCode(200);
        given().baseUri(sessionBase())
                .delete("/personal-registrations/" + code)
                .then()
                .statusCode(200);
        given().baseUri(sessionBase())
                .get("/personal-registrations/" + code)
                .then()
                .statusCode(404);
    }

    // --- the system

    private ServiceProcess service(String name, int n, KafkaBroker b, @Nullable TestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("DIALOOG_SMTP_HOST", "127.0.0.1");
        env.put("DIALOOG_SMTP_PORT", Integer.toString(mail.smtpPort()));
        env.put("DIALOOG_SMTP_START_TLS", "DISABLED");
        env.put("DIALOOG_REMINDERS_EVERY", "2s");
        env.put("DIALOOG_KAFKA_INSTANCE_ID", name + "-" + n + "-" + run);
        return ServiceProcess.start(name, b, db, env, List.of());
    }

    private String engagementBase() {
        return Objects.requireNonNull(engagement).baseUrl() + "/api/v1";
    }

    private String sessionBase() {
        return Objects.requireNonNull(session2).baseUrl() + "/api/v1";
    }

    private String feedbackBase() {
        return Objects.requireNonNull(feedback).baseUrl() + "/api/v1";
    }

    private RequestSpecification engagementApi() {
        return given().baseUri(engagementBase()).auth().oauth2(facilitator).contentType(ContentType.JSON);
    }

    private RequestSpecification sessionApi() {
        return given().baseUri(sessionBase()).auth().oauth2(facilitator).contentType(ContentType.JSON);
    }

    private RequestSpecification feedbackApi() {
        return given().baseUri(feedbackBase()).auth().oauth2(facilitator).contentType(ContentType.JSON);
    }

    private static UUID create(RequestSpecification api, String path, Map<String, ?> body) {
        Response r = api.body(body).post(path);
        r.then().statusCode(201);
        return UUID.fromString(r.jsonPath().getString("id"));
    }

    private UUID participant(UUID eng, UUID party, String name, String language, boolean optOut) {
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "@example.nl";
        UUID id = create(
                engagementApi(),
                "/engagements/" + eng + "/participants",
                Map.of(
                        "partyId", party,
                        "displayName", name,
                        "role", "MEMBER",
                        "email", email,
                        "language", language,
                        "messagesOptOut", optOut));
        people.put(id, new Person(id, name, email, language));
        return id;
    }

    private UUID schedule(UUID eng, String title, OffsetDateTime start, int capacity, List<String> reminders) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "engagementId",
                eng,
                "type",
                "DIALOGUE_SESSION",
                "title",
                title,
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "location",
                Map.of("mode", "ON_SITE", "address", "Wijkcentrum De Ster"),
                "capacity",
                capacity,
                "facilitators",
                // one facilitator per session: the same one in two overlapping sessions is a 409
                List.of("fac-" + UUID.randomUUID())));
        if (!reminders.isEmpty()) {
            body.put("reminders", reminders);
        }
        // session-service learns the engagement from its events: until then it is unknown there (400)
        Response[] created = new Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            created[0] = sessionApi().body(body).post("/sessions");
            return created[0].statusCode() != 400;
        });
        created[0].then().statusCode(201);
        return UUID.fromString(created[0].jsonPath().getString("id"));
    }

    private void answer(@Nullable String code, String response) {
        given().baseUri(sessionBase())
                .contentType(ContentType.JSON)
                .body(Map.of("response", response))
                .put("/personal-invitations/" + Objects.requireNonNull(code) + "/response")
                .then()
                .statusCode(200);
    }

    // --- the mailboxes

    private Person person(UUID id) {
        return Objects.requireNonNull(people.get(id));
    }

    private UUID recipient(ReceivedMail m) {
        return people.values().stream()
                .filter(p -> m.to().contains(p.email()))
                .map(Person::id)
                .findFirst()
                .orElseThrow();
    }

    /** Every mail to this run's people. */
    private List<ReceivedMail> mine() {
        return mail.received().stream()
                .filter(m -> people.values().stream().anyMatch(p -> m.to().contains(p.email())))
                .toList();
    }

    private List<ReceivedMail> kindOf(List<UUID> to, String kind, @Nullable UUID session) {
        List<String> addresses = to.stream().map(p -> person(p).email()).toList();
        Predicate<ReceivedMail> about =
                m -> session == null || session.toString().equals(m.header("X-Dialoog-Session"));
        return mine().stream()
                .filter(m -> kind.equals(m.header("X-Dialoog-Kind")) && about.test(m))
                .filter(m -> addresses.contains(m.to().get(0)))
                .toList();
    }

    /** Waits until each of these people got a mail of this kind, and checks it was exactly one. */
    private Map<UUID, ReceivedMail> awaitOnePerPerson(List<UUID> to, String kind, @Nullable UUID session) {
        await().atMost(MAIL_WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> kindOf(to, kind, session).size() >= to.size());
        List<ReceivedMail> found = kindOf(to, kind, session);
        Map<UUID, ReceivedMail> byPerson = new HashMap<>();
        for (ReceivedMail m : found) {
            assertThat(byPerson.put(recipient(m), m))
                    .as("a second %s mail to %s", kind, m.to())
                    .isNull();
        }
        assertThat(byPerson.keySet()).containsExactlyInAnyOrderElementsOf(to);
        return byPerson;
    }

    private static String link(ReceivedMail m, String kind) {
        Matcher matcher = LINK.matcher(m.text());
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("No personal-" + kind + " link in: " + m.text());
    }

    private static Calendar calendar(ReceivedMail m, String method) {
        ReceivedMail.Attachment ics = m.attachments().stream()
                .filter(a -> a.contentType().toLowerCase(Locale.ROOT).startsWith("text/calendar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No calendar attached to " + m.subject()));
        assertThat(ics.contentType().toLowerCase(Locale.ROOT)).contains("method=" + method.toLowerCase(Locale.ROOT));
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics.content()));
            assertThat(calendar.toString()).contains("METHOD:" + method);
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("The calendar does not parse: " + ics.content(), e);
        }
    }
}
