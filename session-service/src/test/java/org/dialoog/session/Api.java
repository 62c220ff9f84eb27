package org.dialoog.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.session.messaging.EngagementEventsFixture;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.Rows;

/** Test helpers: tokens per role and ready-made request bodies. */
public final class Api {

    public static final String TENANT = "demo";
    public static final String FACILITATOR_ID = "fac-anna";
    private static final String SLOT_PROPERTY = "dialoog.test.session-slot";
    private static final String SLOT_BASE_PROPERTY = "dialoog.test.session-slot-base";

    private Api() {}

    public static RequestSpecification as(String sub, String role, String org) {
        return given().auth().oauth2(DevTokens.mint(sub, List.of(role), org)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin-1", "admin", TENANT);
    }

    public static RequestSpecification facilitator() {
        return as(FACILITATOR_ID, "facilitator", TENANT);
    }

    public static Map<String, Object> session(UUID engagementId, OffsetDateTime startsAt) {
        return Map.of(
                "engagementId", engagementId.toString(),
                "type", "DIALOGUE_SESSION",
                "title", "Dialoogsessie",
                "startsAt", startsAt.toString(),
                "endsAt", startsAt.plusHours(2).toString(),
                "location", Map.of("mode", "ON_SITE", "address", "Stadhuisplein 1"),
                "agenda",
                        List.of(
                                Map.of("title", "Check-in", "minutes", 15),
                                Map.of("title", "Dialogue", "minutes", 90)));
    }

    /**
     * A two-hour slot about a week from now, a different one on every call, so sessions of one
     * facilitator in different tests never overlap (overlap is a 409).
     */
    public static OffsetDateTime nextWeek() {
        // Quarkus may load this class again in a new class loader (a restarted test application);
        // the slot counter lives in system properties so that it is one per test JVM.
        synchronized (System.getProperties()) {
            long n = Long.getLong(SLOT_PROPERTY, 0);
            System.setProperty(SLOT_PROPERTY, Long.toString(n + 1));
            String base = System.getProperty(SLOT_BASE_PROPERTY);
            if (base == null) {
                base = OffsetDateTime.now(ZoneOffset.UTC)
                        .plusDays(7)
                        .withNano(0)
                        .toString();
                System.setProperty(SLOT_BASE_PROPERTY, base);
            }
            return OffsetDateTime.parse(base).plusHours(3 * n);
        }
    }

    /** Active engagement known to session-service, facilitated by {@link #FACILITATOR_ID}, with its parties' participants. */
    public record Engagement(UUID id, Map<UUID, List<UUID>> participantsByParty) {
        public List<UUID> participants(UUID party) {
            return Objects.requireNonNull(participantsByParty.get(party), "not a party of this engagement");
        }

        public List<UUID> parties() {
            return List.copyOf(participantsByParty.keySet());
        }

        public List<UUID> allParticipants() {
            return participantsByParty.values().stream().flatMap(List::stream).toList();
        }
    }

    /**
     * Publishes engagement-created (ACTIVE), party-added and participant-added events as engagement-service
     * documents them, and waits until session-service has applied all of them.
     */
    public static Engagement activeEngagement(EngagementEventsFixture events, int... participantsPerParty) {
        UUID id = UUID.randomUUID();
        events.created(id, TENANT, "ACTIVE");
        Map<UUID, List<UUID>> parties = new LinkedHashMap<>();
        for (int count : participantsPerParty) {
            UUID party = UUID.randomUUID();
            events.partyAdded(id, TENANT, party);
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID participant = UUID.randomUUID();
                events.participantAdded(id, TENANT, party, participant);
                members.add(participant);
            }
            parties.put(party, members);
        }
        int expected = Arrays.stream(participantsPerParty).sum();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("select count(*) from known_engagement where id = ? and status = 'ACTIVE'", id))
                    .isEqualTo(1);
            assertThat(count("select count(*) from known_participant where engagement_id = ?", id))
                    .isEqualTo(expected);
            assertThat(count("select count(*) from known_party where engagement_id = ?", id))
                    .isEqualTo(participantsPerParty.length);
        });
        return new Engagement(id, parties);
    }

    /** A count straight from session-service's database, as a test observes the read model. */
    public static long count(String sql, Object... params) throws SQLException {
        return Rows.count(Arc.container().instance(DataSource.class).get(), sql, params);
    }

    public static String scheduleWith(UUID engagementId, OffsetDateTime startsAt, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(session(engagementId, startsAt));
        body.putAll(extra);
        return facilitator()
                .body(body)
                .post("/api/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
