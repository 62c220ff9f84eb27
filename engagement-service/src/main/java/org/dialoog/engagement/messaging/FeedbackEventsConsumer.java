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
import org.dialoog.engagement.FeedbackResult;
import org.dialoog.engagement.FeedbackRoundSeen;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.conventions.messaging.IncomingEvent;

/** Follows feedback-service's facts about an engagement's rounds; the engagement's health view is built from them. */
@ApplicationScoped
public class FeedbackEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackEventsConsumer.class);
    static final String NAME = "feedback-events";
    static final String ROUND_OPENED = "nl.dialoog.feedback.feedback-round-opened.v1";
    static final String RESULTS_UPDATED = "nl.dialoog.feedback.feedback-results-updated.v1";

    private final EventInbox inbox;
    private final ObjectMapper json;

    FeedbackEventsConsumer(EventInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming(NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.applyAll(NAME, batch, this::handle);
    }

    private void handle(IncomingEvent e) {
        switch (e.type()) {
            case ROUND_OPENED -> roundOpened(e);
            case RESULTS_UPDATED -> resultsUpdated(e);
            default -> LOG.debugf("Skipping event type %s (%s): engagement-service does not use it", e.type(), e.id());
        }
    }

    /** Keeps the newest results of the round; events of one engagement arrive in order. */
    private void resultsUpdated(IncomingEvent e) {
        UUID roundId = e.uuid("roundId");
        FeedbackResult r = FeedbackResult.findById(roundId);
        boolean isNew = r == null;
        if (isNew) {
            r = new FeedbackResult();
            r.roundId = roundId;
        }
        r.engagementId = e.uuid("engagementId");
        String session = e.data().path("sessionId").asText(null);
        r.sessionId = session == null || session.equals("null") ? null : UUID.fromString(session);
        r.roundStartedAt = OffsetDateTime.parse(e.text("roundStartedAt"));
        r.closed = e.data().path("closed").asBoolean();
        r.responses = e.data().path("responses").asLong();
        r.withheld = e.data().path("withheld").asBoolean();
        r.dimensions = json.convertValue(e.data().path("dimensions"), new TypeReference<List<FeedbackResult.DimensionValue>>() { });
        r.updatedAt = OffsetDateTime.now();
        if (isNew) {
            r.persist();
        }
    }

    private void roundOpened(IncomingEvent e) {
        UUID roundId = e.uuid("roundId");
        if (FeedbackRoundSeen.findById(roundId) != null) {
            return;
        }
        FeedbackRoundSeen round = new FeedbackRoundSeen();
        round.roundId = roundId;
        round.engagementId = e.uuid("engagementId");
        String session = e.data().path("sessionId").asText(null);
        round.sessionId = session == null || session.equals("null") ? null : UUID.fromString(session);
        round.audience = e.text("audience");
        round.openedAt = OffsetDateTime.now();
        round.persist();
    }
}
