package org.dialoog.engagement.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.engagement.FeedbackResult;
import org.dialoog.engagement.service.FeedbackReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/** Follows feedback-service's facts about an engagement's rounds; the engagement's health view is built from them. */
@ApplicationScoped
public class FeedbackEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackEventsConsumer.class);
    static final String NAME = "feedback-events";
    static final String ROUND_OPENED = "nl.dialoog.feedback.feedback-round-opened.v1";
    static final String RESULTS_UPDATED = "nl.dialoog.feedback.feedback-results-updated.v1";
    private static final TypeReference<List<FeedbackResult.DimensionValue>> DIMENSIONS = new TypeReference<>() {};

    private final EventInbox inbox;
    private final FeedbackReadModel readModel;
    private final ObjectMapper json;

    FeedbackEventsConsumer(EventInbox inbox, FeedbackReadModel readModel, ObjectMapper json) {
        this.inbox = inbox;
        this.readModel = readModel;
        this.json = json;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case ROUND_OPENED ->
                readModel.roundOpened(e.uuid("roundId"), e.uuid("engagementId"), sessionId(e), e.text("audience"));
            case RESULTS_UPDATED ->
                readModel.resultsUpdated(new FeedbackReadModel.RoundResults(
                        e.uuid("roundId"),
                        e.uuid("engagementId"),
                        sessionId(e),
                        OffsetDateTime.parse(e.text("roundStartedAt")),
                        e.data().path("closed").asBoolean(),
                        e.data().path("responses").asLong(),
                        e.data().path("withheld").asBoolean(),
                        json.convertValue(e.data().path("dimensions"), DIMENSIONS)));
            default -> LOG.debugf("Skipping event type %s (%s): engagement-service does not use it", e.type(), e.id());
        }
    }

    /** Rounds outside a session (a trust pulse) carry {@code "sessionId": null}. */
    private static @Nullable UUID sessionId(IncomingEvent e) {
        String session = e.data().path("sessionId").asText(null);
        return session == null || session.equals("null") ? null : UUID.fromString(session);
    }
}
