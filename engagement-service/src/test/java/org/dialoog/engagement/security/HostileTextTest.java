package org.dialoog.engagement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.Api.facilitator;
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
import org.dialoog.conventions.logging.Redaction;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.HostileText;
import org.dialoog.testkit.LogScan;
import org.dialoog.testkit.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Participants' names and e-mail addresses, the only personal data engagement-service holds, come
 * back verbatim however hostile, and never reach the service's log: not even when the database
 * refuses a row that carries them. (Hostile text in engagements and parties: TenantAndRoleIsolationTest.)
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class HostileTextTest {

    /** Everything personal this class sends; the log must hold none of it. */
    private static final List<String> SENT = new ArrayList<>(HostileText.SAMPLES);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void hostileNamesAndAddressesOfParticipantsComeBackVerbatim() {
        UUID engagement = Api.createEngagement("Hostile participants " + UUID.randomUUID());
        String party = party(engagement);
        for (String text : HostileText.SAMPLES) {
            String email = "hostile-" + HostileText.SAMPLES.indexOf(text) + "-" + UUID.randomUUID() + "@example.nl";
            SENT.add(email);
            facilitator()
                    .body(Map.of("partyId", party, "displayName", text, "email", email, "role", "MEMBER"))
                    .post("/api/v1/engagements/{id}/participants", engagement)
                    .then()
                    .statusCode(201)
                    .body("displayName", equalTo(text))
                    .body("email", equalTo(email));
        }
        facilitator()
                .get("/api/v1/engagements/{id}/participants", engagement)
                .then()
                .statusCode(200)
                .body("total", equalTo(HostileText.SAMPLES.size()));
    }

    @Test
    void aParticipantTheDatabaseRefusesLeavesItsNameAndAddressOutOfEveryMessage() {
        UUID engagement = Api.createEngagement("Refused participant " + UUID.randomUUID());
        String party = party(engagement);
        String name = "Participant " + UUID.randomUUID();
        String email = "participant-" + UUID.randomUUID() + "@example.nl";
        SENT.addAll(List.of(name, email));
        facilitator()
                .body(Map.of("partyId", party, "displayName", name, "email", email, "role", "MEMBER"))
                .post("/api/v1/engagements/{id}/participants", engagement)
                .then()
                .statusCode(201);

        // The same address again, past the service's own check (as a request racing the first could): the unique index
        // refuses it.
        Throwable refused = insert("""
                insert into participant (id, tenant, engagement_id, party_id, display_name, email, role, version,
                                         created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'MEMBER', 0, now(), now())""", UUID.randomUUID(), Api.TENANT, engagement, UUID.fromString(party), name, email);

        assertThat(Refusal.messages(refused))
                .contains("participant_email_per_engagement")
                .doesNotContain(name, email);
    }

    /** Last: the log of everything above (and of the test classes before) holds nothing personal this class sent. */
    @AfterAll
    static void nothingPersonalReachedTheLog() throws IOException {
        LogScan.assertNothingPersonal(SENT, Redaction.EMAIL);
    }

    private static String party(UUID engagement) {
        return facilitator()
                .body(Map.of("name", "Bewoners " + UUID.randomUUID(), "type", "RESIDENTS"))
                .post("/api/v1/engagements/{id}/parties", engagement)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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
