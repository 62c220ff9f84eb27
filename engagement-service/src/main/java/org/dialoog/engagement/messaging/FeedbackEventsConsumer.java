package org.dialoog.engagement.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dialoog.engagement.FeedbackRoundSeen;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Follows feedback-service's facts about an engagement's rounds; the engagement's health view is built from them. */
@ApplicationScoped
public class FeedbackEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackEventsConsumer.class);
    static final String NAME = "feedback-events";
    static final String ROUND_OPENED = "nl.dialoog.feedback.feedback-round-opened.v1";

    private final EventInbox inbox;

    FeedbackEventsConsumer(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(NAME)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(NAME, record, this::handle);
    }

    private void handle(IncomingEvent e) {
        if (!ROUND_OPENED.equals(e.type())) {
            LOG.debugf("Skipping event type %s (%s): engagement-service does not use it yet", e.type(), e.id());
            return;
        }
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
