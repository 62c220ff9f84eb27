package org.dialoog.session.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.session.Api.facilitator;
import static org.dialoog.session.Api.nextWeek;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.dialoog.conventions.logging.Redaction;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.Api;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.HostileText;
import org.dialoog.testkit.LogScan;
import org.dialoog.testkit.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL- and script-injection strings in session-service's text fields are stored and returned verbatim
 * and harm nothing; and nothing personal these tests send (names, e-mail addresses, free text) ever
 * reaches the service's log, not even when the database refuses a row that carries it.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class HostileTextTest {

    /** Everything personal this class sends; the log must hold none of it. */
    private static final List<String> SENT = new ArrayList<>(HostileText.SAMPLES);

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
    void hostileTextInEveryTextFieldComesBackVerbatim() throws Exception {
        Api.Engagement e = Api.activeEngagement(events);
        for (String text : HostileText.SAMPLES) {
            String id = Api.scheduleWith(
                    e.id(),
                    nextWeek(),
                    Map.of(
                            "title",
                            text,
                            "description",
                            text,
                            "openRegistration",
                            true,
                            "agenda",
                            List.of(Map.of("title", text, "minutes", 30)),
                            "location",
                            Map.of("mode", "ON_SITE", "address", text)));
            facilitator()
                    .get("/api/v1/sessions/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(text))
                    .body("description", equalTo(text))
                    .body("agenda[0].title", equalTo(text))
                    .body("location.address", equalTo(text));
            String email = "hostile" + HostileText.SAMPLES.indexOf(text) + "@example.nl";
            SENT.add(email);
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "10.9.9." + (1 + HostileText.SAMPLES.indexOf(text)))
                    .body(Map.of("name", text, "email", email))
                    .post("/api/v1/sessions/{id}/registrations", id)
                    .then()
                    .statusCode(201);
            facilitator().get("/api/v1/sessions/{id}/registrations", id).then().body("items[0].name", equalTo(text));
            facilitator()
                    .body(Map.of("reason", text))
                    .post("/api/v1/sessions/{id}/cancel", id)
                    .then()
                    .statusCode(200)
                    .body("cancelReason", equalTo(text));
        }
        assertThat(Api.count("select count(*) from session where engagement_id = ?", e.id()))
                .isEqualTo(HostileText.SAMPLES.size());
        assertThat(Api.count("select count(*) from known_engagement")).isPositive();
    }

    @Test
    void hostileTextInEveryFieldOfASessionOutcomeComesBackVerbatim() {
        Api.Engagement e = Api.activeEngagement(events, 1);
        String party = e.parties().get(0).toString();
        String id = Api.scheduleWith(e.id(), nextWeek(), Map.of());
        for (String text : HostileText.SAMPLES) {
            facilitator()
                    .body(Map.of(
                            "notes", List.of(Map.of("agendaItem", text, "text", text)),
                            "decisions", List.of(Map.of("text", text)),
                            "openQuestions", List.of(Map.of("text", text)),
                            "actions", List.of(Map.of("what", text, "ownerPartyId", party, "status", "OPEN"))))
                    .put("/api/v1/sessions/{id}/outcome", id)
                    .then()
                    .statusCode(anyOf(equalTo(200), equalTo(201)));
            facilitator()
                    .get("/api/v1/sessions/{id}/outcome", id)
                    .then()
                    .statusCode(200)
                    .body("notes[0].agendaItem", equalTo(text))
                    .body("notes[0].text", equalTo(text))
                    .body("decisions[0].text", equalTo(text))
                    .body("openQuestions[0].text", equalTo(text))
                    .body("actions[0].what", equalTo(text));
        }
        facilitator()
                .get("/api/v1/sessions/{id}/outcome", id)
                .then()
                .body("version", equalTo(HostileText.SAMPLES.size()));
    }

    @Test
    void aRegistrationTheDatabaseRefusesLeavesItsNameAndAddressOutOfEveryMessage() {
        Api.Engagement e = Api.activeEngagement(events);
        String id = Api.scheduleWith(e.id(), nextWeek(), Map.of("openRegistration", true));
        String name = "Registrant " + UUID.randomUUID();
        String email = "registrant-" + UUID.randomUUID() + "@example.nl";
        SENT.addAll(List.of(name, email));
        RestAssured.given()
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10.9.8.7")
                .body(Map.of("name", name, "email", email))
                .post("/api/v1/sessions/{id}/registrations", id)
                .then()
                .statusCode(201);

        // The same address again, past the service's own check (as only a bug could): the unique index refuses it.
        Throwable refused = insert(
                """
                insert into registration (id, tenant, session_id, name, email, code_hash, status, registered_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'CONFIRMED', now())""",
                UUID.randomUUID(),
                Api.TENANT,
                UUID.fromString(id),
                name,
                email,
                UUID.randomUUID().toString());

        assertThat(Refusal.messages(refused))
                .contains("registration_email_once")
                .doesNotContain(name, email);
    }

    /** Last: the log of everything above (and of the test classes before) holds nothing personal this class sent. */
    @AfterAll
    static void nothingPersonalReachedTheLog() throws IOException {
        LogScan.assertNothingPersonal(SENT, Redaction.EMAIL);
    }

    /** Runs one statement through the service's own persistence (Hibernate, its driver, its loggers); what it threw. */
    private static Throwable insert(String sql, Object... parameters) {
        ManagedContext request = Arc.container().requestContext();
        return Refusal.provoke(
                new Refusal.RequestContext(request::isActive, request::activate, request::terminate),
                () -> Arc.container().instance(Caller.class).get().actForTenant(Api.TENANT),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Query insert =
                            Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
                    Refusal.bind(insert::setParameter, parameters);
                    insert.executeUpdate();
                }));
    }
}
