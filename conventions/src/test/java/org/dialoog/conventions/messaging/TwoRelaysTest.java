package org.dialoog.conventions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.conventions.testapp.Api.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.conventions.config.MessagesConfig;
import org.dialoog.conventions.config.OutboxConfig;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** A second relay on the same outbox (a second replica): every event still goes out, in commit order per key. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class TwoRelaysTest {

    @Inject
    AgroalDataSource agroal;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    EventTracing tracing;

    @Inject
    MessagesConfig messages;

    @Test
    void twoRelaysPublishEveryEventInOrderPerKey() throws Exception {
        OutboxRelay second = new OutboxRelay(
                agroal,
                config,
                messages,
                tracing,
                new SimpleMeterRegistry(),
                DialoogTestResource.broker().bootstrapServers());
        second.start(new StartupEvent());
        List<UUID> notes = new ArrayList<>();
        try {
            for (int e = 0; e < 4; e++) {
                UUID id = Api.createNote("Relays " + e);
                notes.add(id);
                for (int v = 1; v <= 8; v++) {
                    admin().contentType("application/merge-patch+json")
                            .body(Map.of("title", "Relays " + e + " v" + v))
                            .patch("/api/v1/notes/" + id)
                            .then()
                            .statusCode(200);
                }
            }
            for (UUID id : notes) {
                List<String> committed = committedEventIds(id);
                assertThat(committed).hasSize(9);
                List<String> published = publishedEventIds(id, committed.size());
                // Duplicates would be absorbed by consumers; order and completeness are what matter.
                assertThat(new ArrayList<>(new LinkedHashSet<>(published))).containsExactlyElementsOf(committed);
            }
        } finally {
            second.stop(new ShutdownEvent());
        }
    }

    private List<String> committedEventIds(UUID key) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select id from outbox_event where partition_key = ? order by seq")) {
            ps.setString(1, key.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private List<String> publishedEventIds(UUID key, int expected) {
        return TopicReader.read(
                        config.topic(),
                        r -> key.toString().equals(r.key()),
                        found -> found.stream()
                                        .map(r -> TopicReader.header(r, "ce_id"))
                                        .distinct()
                                        .count()
                                >= expected,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> TopicReader.header(r, "ce_id"))
                .toList();
    }
}
