package org.dialoog.session.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The real engagement-service (its built jar, its own database) and this session-service share
 * one real broker. Kafka is stopped, 100 engagements are created through engagement-service's
 * API, Kafka is started: every one of them reaches session-service's read model, once.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class CrossServiceDeliveryTest {

    @Inject
    DataSource dataSource;

    @Test
    void writesAcknowledgedDuringAKafkaOutageReachTheReadModelExactlyOnce() throws Exception {
        var broker = DialoogTestResource.broker();
        String token = DevTokens.mint("fac-outage", List.of("facilitator"), "demo");
        try (ServiceProcess engagements = ServiceProcess.start("engagement", broker)) {
            long appliedBefore = count("select count(*) from processed_event where consumer = 'engagement-events'");
            List<String> ids = new ArrayList<>();
            broker.stop();
            try {
                for (int i = 0; i < 100; i++) {
                    ids.add(given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(Map.of(
                                    "title",
                                    "Outage " + i,
                                    "kind",
                                    "PROCESS_FACILITATION",
                                    "clientOrganisation",
                                    "Waterschap",
                                    "objectives",
                                    List.of("RESTORE_CALM")))
                            .post(engagements.baseUrl() + "/api/v1/engagements")
                            .then()
                            .statusCode(201)
                            .extract()
                            .<String>path("id"));
                }
            } finally {
                broker.start();
            }
            String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> assertThat(count("select count(*) from known_engagement where id in (" + in + ")"))
                                    .isEqualTo(100));
            assertThat(count("select count(*) from known_engagement where id in (" + in
                            + ") and status = 'DRAFT' and title like 'Outage %'"))
                    .isEqualTo(100);
            // One applied mark per event: nothing was applied twice (a repeat would have been skipped, not counted).
            assertThat(count("select count(*) from processed_event where consumer = 'engagement-events'")
                            - appliedBefore)
                    .isEqualTo(100);
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
