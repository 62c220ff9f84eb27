package org.dialoog.engagement.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.conventions.messaging.CloudEvents;
import org.dialoog.engagement.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** A write through the API lands in PostgreSQL and, as an event, on Kafka, read back by a real consumer. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class EngagementPersistenceTest {

    @Inject
    DataSource dataSource;

    @Test
    void createdEngagementIsInPostgresAndItsEventOnKafka() throws Exception {
        UUID id = Api.createEngagement("Walking skeleton");

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select title, tenant, status from engagement where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("title")).isEqualTo("Walking skeleton");
                assertThat(rs.getString("tenant")).isEqualTo(Api.TENANT);
                assertThat(rs.getString("status")).isEqualTo("DRAFT");
            }
        }

        ConsumerRecord<String, String> event =
                TopicReader.first("dialoog.engagements", r -> id.toString().equals(r.key()));
        assertThat(event.key()).isEqualTo(id.toString());
        assertThat(CloudEvents.header(event.headers(), "ce_type"))
                .isEqualTo("nl.dialoog.engagement.engagement-created.v1");
        assertThat(CloudEvents.header(event.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEvents.header(event.headers(), "ce_tenant")).isEqualTo(Api.TENANT);
        assertThat(event.value()).contains("\"engagementId\":\"" + id + "\"").contains("\"status\":\"DRAFT\"");
    }
}
