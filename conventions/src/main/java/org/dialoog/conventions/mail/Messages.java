package org.dialoog.conventions.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.config.MessagesConfig;
import org.dialoog.conventions.messaging.Outbox;

/**
 * Decides a message in the caller's transaction: the request goes through the outbox onto the
 * messages topic, so a message exists if and only if the fact that causes it was committed.
 */
@ApplicationScoped
public class Messages {

    /** The CloudEvents type of a message request. */
    public static final String REQUESTED = "nl.dialoog.message.message-requested.v1";

    private final Outbox outbox;
    private final MessagesConfig config;

    Messages(Outbox outbox, MessagesConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Records the request; it is published after the caller's transaction commits, or never. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(MessageRequest request) {
        outbox.record(config.topic(), REQUESTED, request.engagementId(), request.messageId(), request);
    }
}
