package org.dialoog.conventions.testapp;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the notes topic back through the batch inbox and records each note event it applied, in order. */
@ApplicationScoped
public class NoteEventsConsumer {

    static final String NAME = "note-events";

    private final EventInbox inbox;
    private final EntityManager em;

    NoteEventsConsumer(EventInbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::apply);
    }

    private void apply(IncomingEvent e) {
        // text() throws for an event without a title: the poison event of the tests
        em.createNativeQuery("insert into note_seen (tenant, note_id, title) values (?1, ?2, ?3)")
                .setParameter(1, e.tenant())
                .setParameter(2, e.uuid("noteId"))
                .setParameter(3, e.text("title"))
                .executeUpdate();
    }
}
