package org.dialoog.session.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import org.dialoog.conventions.mail.MessageRequest;
import org.dialoog.conventions.mail.MessageRequestHandler;
import org.dialoog.session.service.MessageRecipients;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Sends the message requests addressed to public registrants; those to participants are engagement-service's. */
@ApplicationScoped
public class MessageRequestsConsumer {

    static final String NAME = "message-requests";

    private final MessageRequestHandler handler;
    private final MessageRecipients recipients;

    MessageRequestsConsumer(MessageRequestHandler handler, MessageRecipients recipients) {
        this.handler = handler;
        this.recipients = recipients;
    }

    @Incoming(NAME)
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> consume(KafkaRecord<String, String> message) {
        return handler.handle(message, MessageRequest.RecipientType.REGISTRATION, recipients::registrant);
    }
}
