package org.dialoog.engagement.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.engagement.service.SessionReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Counts the sessions each engagement held, and how many of each party attended them, from session-service's
 * SessionCompleted, for the health view and the bridges between parties; keeps each session's latest outcome
 * (decisions, open questions, action items) from session-outcome-recorded.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String NAME = "session-events";
    static final String SESSION_COMPLETED = "nl.dialoog.session.session-completed.v1";
    static final String SESSION_OUTCOME_RECORDED = "nl.dialoog.session.session-outcome-recorded.v1";

    private final EventInbox inbox;
    private final SessionReadModel readModel;

    SessionEventsConsumer(EventInbox inbox, SessionReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case SESSION_COMPLETED ->
                readModel.sessionCompleted(
                        e.uuid("sessionId"),
                        e.uuid("engagementId"),
                        OffsetDateTime.parse(e.text("completedAt")),
                        e.data().hasNonNull("startsAt") ? OffsetDateTime.parse(e.text("startsAt")) : null,
                        attendeesPerParty(e));
            case SESSION_OUTCOME_RECORDED ->
                readModel.outcomeRecorded(
                        e.uuid("sessionId"),
                        e.uuid("engagementId"),
                        e.data().path("outcomeVersion").asInt(),
                        e.data().path("decisions").asInt(),
                        e.data().path("openQuestions").asInt(),
                        OffsetDateTime.parse(e.text("recordedAt")),
                        actions(e));
            default ->
                LOG.debugf(
                        "Skipping event type %s (%s): engagement-service reads completed sessions and outcomes only",
                        e.type(), e.id());
        }
    }

    /** How many attendees each party had: the event names people, engagement-service keeps counts. */
    private static Map<UUID, Integer> attendeesPerParty(IncomingEvent e) {
        Map<UUID, Integer> counts = new HashMap<>();
        for (JsonNode attendee : e.data().path("attendees")) {
            String party = attendee.path("partyId").asText("");
            try {
                counts.merge(UUID.fromString(party), 1, Integer::sum);
            } catch (IllegalArgumentException bad) {
                throw new IncomingEvent.Unreadable("Event " + e.id() + " has an attendee without a party id", bad);
            }
        }
        return counts;
    }

    /** The outcome's action items: ids, owner party, due date and status (the event carries no texts). */
    private static List<SessionReadModel.ActionItem> actions(IncomingEvent e) {
        List<SessionReadModel.ActionItem> out = new ArrayList<>();
        for (JsonNode a : e.data().path("actions")) {
            try {
                String due = a.path("dueDate").isTextual() ? a.path("dueDate").asText() : null;
                out.add(new SessionReadModel.ActionItem(
                        UUID.fromString(a.path("actionId").asText()),
                        UUID.fromString(a.path("ownerPartyId").asText()),
                        due == null ? null : LocalDate.parse(due),
                        a.path("status").asText("OPEN")));
            } catch (IllegalArgumentException | DateTimeParseException bad) {
                throw new IncomingEvent.Unreadable("Event " + e.id() + " has an unreadable action item", bad);
            }
        }
        return out;
    }
}
