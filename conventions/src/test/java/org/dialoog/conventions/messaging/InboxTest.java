package org.dialoog.conventions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dialoog.conventions.testapp.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.conventions.config.OutboxConfig;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.EventPublisher;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch inbox: a poll's events are applied in order, each once; a broken event among them is
 * the only one dead-lettered, listed for its tenant's admins and replayed with its original id.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class InboxTest {

    private static final String TYPE = "nl.dialoog.test.note-changed.v1";
    private static final String SOURCE = "urn:dialoog:inbox-test";
    private static EventPublisher publisher;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        publisher = new EventPublisher();
    }

    @AfterAll
    static void tearDown() {
        publisher.close();
    }

    @Test
    void aBatchIsAppliedInOrderOnceAndOneBrokenEventIsTheOnlyDeadLetter() throws Exception {
        UUID key = UUID.randomUUID();
        List<String> titles = new ArrayList<>();
        String broken = "broken-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            if (i == 75) {
                publisher.send(config.topic(), SOURCE, broken, TYPE, key, Api.TENANT, "{\"noteId\":\"" + key + "\"}");
            }
            String title = "n" + i;
            titles.add(title);
            String id = "ok-" + UUID.randomUUID();
            ids.add(id);
            publisher.send(
                    config.topic(),
                    SOURCE,
                    id,
                    TYPE,
                    key,
                    Api.TENANT,
                    "{\"noteId\":\"" + key + "\",\"title\":\"" + title + "\"}");
        }
        // the first event again (a redelivery): it changes nothing
        publisher.send(
                config.topic(),
                SOURCE,
                ids.get(0),
                TYPE,
                key,
                Api.TENANT,
                "{\"noteId\":\"" + key + "\",\"title\":\"n0\"}");
        String last = "last-" + UUID.randomUUID();
        publisher.send(
                config.topic(), SOURCE, last, TYPE, key, Api.TENANT, "{\"noteId\":\"" + key + "\",\"title\":\"end\"}");
        titles.add("end");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(seen(key)).hasSize(151));
        assertThat(seen(key)).containsExactlyElementsOf(titles);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(count("select count(*) from dead_letter where record_key = '" + key + "'"))
                                .isEqualTo(1));
        assertThat(count("select count(*) from dead_letter where event_id = '" + broken + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id like '%" + last + "'"))
                .isEqualTo(1);
    }

    @Test
    void deadLettersAreListedForTheTenantsAdminAndReplayedWithTheirOriginalId() {
        UUID key = UUID.randomUUID();
        String eventId = "broken-" + UUID.randomUUID();
        publisher.send(config.topic(), SOURCE, eventId, TYPE, key, Api.TENANT, "{\"noteId\":\"" + key + "\"}");

        String deadLetter = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin()
                                .get("/api/v1/dead-letters")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<String>getList("items.findAll { it.eventId == '" + eventId + "' }.id")
                                .stream()
                                .findFirst()
                                .orElse(null),
                        id -> id != null);
        admin().get("/api/v1/dead-letters/" + deadLetter)
                .then()
                .statusCode(200)
                .body("reason", containsString("lacks 'title'"))
                .body("originalTopic", equalTo(config.topic()))
                .body("key", equalTo(key.toString()));
        Api.as("admin-x", "admin", "other")
                .get("/api/v1/dead-letters/" + deadLetter)
                .then()
                .statusCode(404);
        Api.as("fac-1", "facilitator", Api.TENANT)
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(403);

        admin().post("/api/v1/dead-letters/" + deadLetter + "/replay")
                .then()
                .statusCode(200)
                .body("replayedAt", notNullValue());
        int copies = TopicReader.read(
                        config.topic(),
                        r -> key.toString().equals(r.key()) && eventId.equals(TopicReader.header(r, "ce_id")),
                        2,
                        Duration.ofSeconds(10))
                .size();
        assertThat(copies).isEqualTo(2);
    }

    private List<String> seen(UUID note) throws Exception {
        List<String> titles = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select title from note_seen where note_id = ? order by seq")) {
            ps.setObject(1, note);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
        }
        return titles;
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
