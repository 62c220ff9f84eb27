package org.dialoog.feedback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.feedback.Feedback.respond;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymity proven on the database itself: after a tokened response, every row of every table of
 * feedback-service is read, and nothing ties the response to the participant or the token.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class AnonymityTest {

    /** Where a participant's id may stand: the facts of who exists, attended, and got a token — none holds an answer. */
    private static final Set<String> PARTICIPANT_REGISTERS =
            Set.of("known_participant", "session_attendee", "token_issue", "processed_event", "dead_letter");

    private static Feedback feedback;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void setUp() {
        feedback = new Feedback();
    }

    @AfterAll
    static void tearDown() {
        feedback.close();
    }

    @Test
    void noTableLinksAResponseToItsParticipantOrToken() throws Exception {
        Feedback.Engagement e = feedback.engagement(1);
        UUID participant = e.allParticipants().get(0);
        String round = Feedback.round(
                e.id(),
                Feedback.questionnaire(List.of(
                        Feedback.TRUST,
                        Map.of("key", "remarks", "text", "Opmerkingen?", "type", "TEXT", "required", false))),
                "PARTICIPANTS",
                Map.of());
        String token = Feedback.token(Feedback.tokens(round), participant);
        respond(round, token, Map.of("trust", 5, "remarks", "Een eerlijk gesprek"))
                .statusCode(201);

        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public' "
                                + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("response", "respondent_token", "token_issue", "contribution", "answer_count");
        String hash = sha256(token);
        for (String table : tables) {
            String rows = dump(table);
            assertThat(rows).as("the token in %s", table).doesNotContain(token);
            if (!table.equals("respondent_token")) {
                assertThat(rows).as("the token's hash in %s", table).doesNotContain(hash);
            }
            if (!PARTICIPANT_REGISTERS.contains(table)) {
                assertThat(rows).as("the participant in %s", table).doesNotContain(participant.toString());
            }
        }
        // the two token tables share nothing that could pair a participant with a hash
        assertThat(columns("respondent_token")).doesNotContain("participant_id", "id", "issued_at", "used_at");
        assertThat(columns("token_issue")).doesNotContain("token_hash", "party_id", "issued_at", "used_at");
        assertThat(columns("response")).doesNotContain("participant_id", "token_hash", "created_at", "submitted_at");
        // the response holds its party and its answers, and the text answer lives apart from it
        assertThat(dump("response")).contains(e.parties().get(0).toString()).doesNotContain("eerlijk");
        assertThat(dump("contribution"))
                .contains("Een eerlijk gesprek")
                .doesNotContain(e.parties().get(0).toString());
    }

    /**
     * With mail flowing: the message request on dialoog.messages is the one place a token and a
     * participant id meet. Its outbox row is deleted once the relay published it, and nothing in
     * feedback-service's tables links the participant to the token, its hash or the response.
     */
    @Test
    void withMailTheMessageRequestIsTheOnlyPlaceATokenMeetsItsParticipant() throws Exception {
        Feedback.Engagement e = feedback.engagement(2);
        UUID participant = e.allParticipants().get(0);
        String round = Feedback.mailedRound(
                e.id(),
                Feedback.questionnaire(List.of(
                        Feedback.TRUST,
                        Map.of("key", "remarks", "text", "Opmerkingen?", "type", "TEXT", "required", false))),
                "PARTICIPANTS",
                Map.of());
        List<Feedback.Mail> mails = Feedback.mails(round, "FEEDBACK_ROUND_OPENED", 2);
        Feedback.Mail mail = mails.stream()
                .filter(m -> m.participantId().equals(participant))
                .findFirst()
                .orElseThrow();
        String token = mail.token();
        // the request itself carries both: that is its purpose, and it lives on a short-retention topic
        assertThat(mail.raw()).contains(participant.toString()).contains(token);
        respond(round, token, Map.of("trust", 5, "remarks", "Een eerlijk gesprek"))
                .statusCode(201);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Feedback.count(
                                "select count(*) from outbox_event where topic = 'dialoog.messages'"
                                        + " and payload::text like ?",
                                "%" + round + "%"))
                        .as("message requests are deleted from the outbox once published")
                        .isZero());

        String hash = sha256(token);
        for (String table : tables()) {
            String rows = dump(table);
            assertThat(rows).as("the token in %s", table).doesNotContain(token);
            if (!table.equals("respondent_token")) {
                assertThat(rows).as("the token's hash in %s", table).doesNotContain(hash);
            }
            if (!PARTICIPANT_REGISTERS.contains(table)) {
                assertThat(rows).as("the participant in %s", table).doesNotContain(participant.toString());
            }
        }
        // results as without mail: one response, counted for its party only
        Feedback.facilitator()
                .get("/api/v1/feedback-rounds/{id}/results", round)
                .then()
                .statusCode(200)
                .body("responses", org.hamcrest.Matchers.equalTo(1));
        assertThat(dump("response")).contains(e.parties().get(0).toString()).doesNotContain("eerlijk");
    }

    private List<String> tables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public' "
                                + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private String dump(String table) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select * from " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    out.append(rs.getString(i)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private List<String> columns(String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, "public", table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
