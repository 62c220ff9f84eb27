package org.dialoog.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dialoog.conventions.mail.Messages;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DocumentedEvents;
import org.dialoog.testkit.EventPublisher;
import org.dialoog.testkit.Rows;
import org.dialoog.testkit.TopicReader;
import org.jspecify.annotations.Nullable;

/**
 * Test helpers: tokens per role, and engagement and session facts published on the real broker
 * exactly as their producers document them (docs/asyncapi), so feedback-service is tested
 * against its producers' contracts.
 */
public final class Feedback implements AutoCloseable {

    public static final String TENANT = "demo";
    public static final String FACILITATOR_ID = "fac-anna";
    public static final Map<String, Object> TRUST = scale("trust", "TRUST");

    static {
        // results are doubles; read them as such, not as floats
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventPublisher publisher = new EventPublisher();

    public static RequestSpecification as(String sub, String role, String org) {
        return given().auth().oauth2(DevTokens.mint(sub, List.of(role), org)).contentType(ContentType.JSON);
    }

    public static RequestSpecification facilitator() {
        return as(FACILITATOR_ID, "facilitator", TENANT);
    }

    /** A respondent without an account, on a phone of its own: a client address no other request uses. */
    public static RequestSpecification anonymous() {
        return anonymousFrom(randomAddress());
    }

    /** A respondent at a given client address (the test profile reads it from X-Forwarded-For, as behind an ingress). */
    public static RequestSpecification anonymousFrom(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }

    public static String randomAddress() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static Map<String, Object> scale(String key, String dimension) {
        return Map.of(
                "key",
                key,
                "text",
                "Vraag " + key,
                "type",
                "SCALE",
                "min",
                1,
                "max",
                5,
                "required",
                true,
                "dimension",
                dimension);
    }

    /** An active engagement known to feedback-service, with parties of the given sizes. */
    public record Engagement(UUID id, Map<UUID, List<UUID>> participantsByParty) {
        public List<UUID> parties() {
            return List.copyOf(participantsByParty.keySet());
        }

        public List<UUID> participants(int party) {
            UUID id = parties().get(party);
            return Objects.requireNonNull(participantsByParty.get(id), "every party has its participants");
        }

        public List<UUID> allParticipants() {
            return participantsByParty.values().stream().flatMap(List::stream).toList();
        }

        public UUID partyOf(UUID participant) {
            return participantsByParty.entrySet().stream()
                    .filter(e -> e.getValue().contains(participant))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
        }
    }

    public Engagement engagement(int... partySizes) {
        return engagementOf(TENANT, partySizes);
    }

    /** An active engagement of another tenant, with parties of the given sizes. */
    public Engagement engagementOf(String tenant, int... partySizes) {
        UUID id = UUID.randomUUID();
        engagementEvent(
                tenant,
                "engagement-created.v1",
                id,
                Map.of("engagementId", id.toString(), "tenant", tenant, "status", "ACTIVE"));
        Map<UUID, List<UUID>> parties = new LinkedHashMap<>();
        int total = 0;
        for (int size : partySizes) {
            UUID party = UUID.randomUUID();
            engagementEvent(
                    tenant,
                    "party-added.v1",
                    id,
                    Map.of(
                            "partyId",
                            party.toString(),
                            "engagementId",
                            id.toString(),
                            "tenant",
                            tenant,
                            "name",
                            "Partij " + (parties.size() + 1)));
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                UUID participant = UUID.randomUUID();
                engagementEvent(
                        tenant,
                        "participant-added.v1",
                        id,
                        Map.of(
                                "participantId",
                                participant.toString(),
                                "engagementId",
                                id.toString(),
                                "partyId",
                                party.toString(),
                                "tenant",
                                tenant));
                members.add(participant);
            }
            parties.put(party, members);
            total += size;
        }
        int participants = total;
        int partyCount = partySizes.length;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("select count(*) from known_engagement where id = ? and status = 'ACTIVE'", id))
                    .isEqualTo(1);
            assertThat(count("select count(*) from known_party where engagement_id = ?", id))
                    .isEqualTo(partyCount);
            assertThat(count("select count(*) from known_participant where engagement_id = ?", id))
                    .isEqualTo(participants);
        });
        return new Engagement(id, parties);
    }

    /** session-service's documented session-scheduled, with this title. */
    public void sessionScheduled(Engagement e, UUID sessionId, String title) {
        String type = "nl.dialoog.session.session-scheduled.v1";
        String data = DocumentedEvents.example(
                "session-service",
                type,
                Map.of(
                        "sessionId",
                        sessionId.toString(),
                        "engagementId",
                        e.id().toString(),
                        "tenant",
                        TENANT,
                        "title",
                        title));
        publisher.send(
                "dialoog.sessions",
                "urn:dialoog:session-service",
                UUID.randomUUID().toString(),
                type,
                e.id(),
                TENANT,
                data);
    }

    /** session-service's documented session-completed, with these attendees. */
    public void sessionCompleted(Engagement e, UUID sessionId, List<UUID> attendees) {
        List<Map<String, String>> list = attendees.stream()
                .map(p -> Map.of(
                        "participantId", p.toString(), "partyId", e.partyOf(p).toString()))
                .toList();
        String type = "nl.dialoog.session.session-completed.v1";
        String data = DocumentedEvents.example(
                "session-service",
                type,
                Map.of(
                        "sessionId",
                        sessionId.toString(),
                        "engagementId",
                        e.id().toString(),
                        "tenant",
                        TENANT,
                        "attendees",
                        list));
        publisher.send(
                "dialoog.sessions",
                "urn:dialoog:session-service",
                UUID.randomUUID().toString(),
                type,
                e.id(),
                TENANT,
                data);
    }

    private void engagementEvent(String tenant, String type, UUID engagementId, Map<String, Object> replace) {
        String full = "nl.dialoog.engagement." + type;
        publisher.send(
                "dialoog.engagements",
                "urn:dialoog:engagement-service",
                UUID.randomUUID().toString(),
                full,
                engagementId,
                tenant,
                DocumentedEvents.example("engagement-service", full, replace));
    }

    public static String questionnaire(List<Map<String, Object>> questions) {
        return facilitator()
                .body(Map.of("title", "Peiling", "purpose", "PULSE", "questions", questions))
                .post("/api/v1/questionnaires")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Opens a round; unless {@code extra} says otherwise its tokens go by hand (MANUAL), so that a
     * test issues them with {@link #tokens}. {@link #mailedRound} opens one that mails them.
     */
    public static String round(UUID engagementId, String questionnaireId, String audience, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "engagementId", engagementId.toString(), "questionnaireId", questionnaireId, "audience", audience));
        if (!"PUBLIC".equals(audience)) {
            body.put("delivery", "MANUAL");
        }
        body.putAll(extra);
        return facilitator()
                .body(body)
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Opens a round whose audience gets its tokens by mail (the default delivery). */
    public static String mailedRound(
            UUID engagementId, String questionnaireId, String audience, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("delivery", "MAIL");
        return round(engagementId, questionnaireId, audience, body);
    }

    /** One message request of feedback-service as read from dialoog.messages. */
    public record Mail(
            String kind, UUID participantId, @Nullable String link, Map<String, String> values, String raw) {

        /** The token in the link's fragment ({@code …#token=…}). */
        public String token() {
            String l = Objects.requireNonNull(link, "a mail without a link has no token");
            return l.substring(l.indexOf("#token=") + "#token=".length());
        }
    }

    /** The message requests of a kind for a round on dialoog.messages, once at least {@code atLeast} arrived (30 s at most). */
    public static List<Mail> mails(String round, String kind, int atLeast) {
        return mails(round, kind, atLeast, Duration.ofSeconds(30));
    }

    public static List<Mail> mails(String round, String kind, int atLeast, Duration timeout) {
        return TopicReader.read(
                        "dialoog.messages",
                        r -> Messages.REQUESTED.equals(TopicReader.header(r, "ce_type"))
                                && r.value().contains(round)
                                && r.value().contains("\"" + kind + "\""),
                        atLeast,
                        timeout)
                .stream()
                .map(r -> mail(r.value()))
                .filter(m -> m.kind().equals(kind))
                .toList();
    }

    private static Mail mail(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            Map<String, String> values = new LinkedHashMap<>();
            n.path("values")
                    .properties()
                    .forEach(f -> values.put(f.getKey(), f.getValue().asText()));
            assertThat(n.path("recipient").path("type").asText()).isEqualTo("PARTICIPANT");
            return new Mail(
                    n.path("kind").asText(),
                    UUID.fromString(n.path("recipient").path("id").asText()),
                    n.hasNonNull("link") ? n.path("link").asText() : null,
                    values,
                    json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Issues the round's tokens: participant id → token. */
    public static Map<UUID, String> tokens(String round) {
        List<Map<String, String>> issued = facilitator()
                .post("/api/v1/feedback-rounds/{id}/tokens", round)
                .then()
                .statusCode(200)
                .extract()
                .path("issued");
        Map<UUID, String> out = new LinkedHashMap<>();
        issued.forEach(t -> out.put(UUID.fromString(t.get("participantId")), t.get("token")));
        return out;
    }

    /** The token issued to a participant, who must have been given one. */
    public static String token(Map<UUID, String> tokens, UUID participant) {
        return Objects.requireNonNull(tokens.get(participant), "no token was issued to " + participant);
    }

    /** Responds with a token, or without one ({@code null}) as to a PUBLIC round. */
    public static ValidatableResponse respond(String round, @Nullable String token, Map<String, Object> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        if (token != null) {
            body.put("token", token);
        }
        return anonymous()
                .body(body)
                .post("/api/v1/feedback-rounds/{id}/responses", round)
                .then();
    }

    /** A count straight from feedback-service's database, as a test observes its read models. */
    public static long count(String sql, Object... params) throws SQLException {
        return Rows.count(Arc.container().instance(DataSource.class).get(), sql, params);
    }

    public static List<Long> longs(String sql, Object... params) throws SQLException {
        return Rows.longs(Arc.container().instance(DataSource.class).get(), sql, params);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
