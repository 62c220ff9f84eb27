package org.dialoog.conventions.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.conventions.config.MessagesConfig;
import org.dialoog.conventions.config.OutboxConfig;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.security.Caller;
import org.dialoog.testkit.DialoogTestResource;
import org.dialoog.testkit.Rows;
import org.dialoog.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** A message request leaves the outbox for the messages topic and its row, link and all, is deleted; other rows stay marked. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class MessageRequestRelayTest {

    private static final String LINK = "https://dialoog.test/i/secret-code-" + UUID.randomUUID();

    @Inject
    Messages messages;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    DataSource dataSource;

    @Inject
    MessagesConfig messagesConfig;

    @Inject
    OutboxConfig outboxConfig;

    @Test
    void aPublishedMessageRequestIsDeletedFromTheOutboxWhileOtherEventsAreMarked() throws Exception {
        UUID engagement = UUID.randomUUID();
        MessageRequest request = new MessageRequest(
                UUID.randomUUID(),
                MessageKind.INVITATION,
                new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, UUID.randomUUID()),
                engagement,
                UUID.randomUUID(),
                null,
                LINK,
                Map.of("sessionTitle", "Buurtavond"),
                null);
        UUID note = UUID.randomUUID();
        caller.actForTenant("demo");
        QuarkusTransaction.requiringNew().run(() -> {
            messages.request(request);
            outbox.record("nl.dialoog.conventions-test.note-changed.v1", note, note, Map.of("noteId", note));
        });

        ConsumerRecord<String, String> published = TopicReader.first(
                messagesConfig.topic(),
                r -> request.messageId().toString().equals(TopicReader.header(r, "ce_subject")));
        assertThat(TopicReader.header(published, "ce_type")).isEqualTo(Messages.REQUESTED);
        assertThat(TopicReader.header(published, "ce_tenant")).isEqualTo("demo");
        assertThat(published.key()).isEqualTo(engagement.toString());
        assertThat(published.value()).contains(LINK);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Rows.count(dataSource, "select count(*) from outbox_event where subject = ?", note.toString())
                                == Rows.count(
                                        dataSource,
                                        "select count(*) from outbox_event where subject = ? and published_at is not null",
                                        note.toString()));
        assertThat(Rows.count(dataSource, "select count(*) from outbox_event where subject = ?", note.toString()))
                .isEqualTo(1);
        assertThat(Rows.count(
                        dataSource,
                        "select count(*) from outbox_event where subject = ? or payload::text like ?",
                        request.messageId().toString(),
                        "%" + LINK + "%"))
                .isZero();
        assertThat(outboxConfig.topic()).isNotEqualTo(messagesConfig.topic());
    }
}
