package org.dialoog.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.session.Api.admin;
import static org.dialoog.session.Api.nextWeek;
import static org.dialoog.session.Api.session;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.session.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * session-service's consumer on the batch inbox: a bulk change applied in order with one broken event
 * dead-lettered alone, and the read model rebuilt from the topic (listing and replaying dead letters
 * is a convention, tested once in conventions/).
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class EventBackboneTest {

    private static EngagementEventsFixture events;

    @Inject
    DataSource dataSource;

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
    void aBulkChangeIsAppliedInOrderAndOneBrokenEventAmongItIsTheOnlyDeadLetter() throws Exception {
        UUID engagement = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        events.created(engagement, Api.TENANT, "ACTIVE");
        for (int i = 0; i < 300; i++) {
            events.participantAdded(engagement, Api.TENANT, party, i == 100 ? moved : UUID.randomUUID());
        }
        String broken = "broken-" + UUID.randomUUID();
        events.send(
                broken,
                "nl.dialoog.engagement.participant-added.v1",
                engagement,
                Api.TENANT,
                "{\"engagementId\":\"" + engagement + "\",\"partyId\":\"" + party + "\"}");
        UUID laterParty = UUID.randomUUID();
        String later = events.send(
                "moved-" + UUID.randomUUID(),
                "nl.dialoog.engagement.participant-updated.v1",
                engagement,
                Api.TENANT,
                "{\"engagementId\":\"" + engagement + "\",\"partyId\":\"" + laterParty + "\",\"participantId\":\""
                        + moved + "\"}");
        for (int i = 0; i < 100; i++) {
            events.participantAdded(engagement, Api.TENANT, party, UUID.randomUUID());
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(
                                "select count(*) from known_participant where engagement_id = '" + engagement + "'"))
                        .isEqualTo(400));
        // the update came after the add in the same partition, and it won
        assertThat(count("select count(*) from known_participant where id = '" + moved + "' and party_id = '"
                        + laterParty + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = 'engagement-events:" + later + "'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin().get("/api/v1/dead-letters?pageSize=100")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<String>getList("items.eventId"))
                        .contains(broken));
        assertThat(count("select count(*) from dead_letter where record_key = '" + engagement + "'"))
                .isEqualTo(1);
    }

    @Test
    void readModelIsRebuiltFromTheTopic() throws Exception {
        UUID engagement = UUID.randomUUID();
        events.created(engagement, Api.TENANT, "ACTIVE");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> admin().body(session(engagement, nextWeek().minusYears(3)))
                        .post("/api/v1/sessions")
                        .then()
                        .statusCode(201));
        UUID phantom = UUID.randomUUID();
        execute("insert into known_engagement (id, tenant, title, status) values ('" + phantom
                + "', 'demo', 'no event', 'ACTIVE')");

        admin().post("/api/v1/read-models/engagements/rebuild")
                .then()
                .statusCode(202)
                .body("partitionsRewound", notNullValue());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("select count(*) from known_engagement where id = '" + phantom + "'"))
                    .isZero();
            assertThat(count("select count(*) from known_engagement where id = '" + engagement
                            + "' and status = 'ACTIVE'"))
                    .isEqualTo(1);
        });
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
