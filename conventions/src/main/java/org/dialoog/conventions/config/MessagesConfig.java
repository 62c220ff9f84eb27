package org.dialoog.conventions.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The topic on which a service asks the service that holds a recipient's address to send a message
 * ({@link org.dialoog.conventions.mail.MessageRequest}). A request may carry a personal link in the
 * clear, so the topic keeps records briefly and the outbox forgets a request once it is published.
 */
@ConfigMapping(prefix = "dialoog.messages")
public interface MessagesConfig {

    /** The topic every service publishes message requests to and the senders read. */
    @WithDefault("dialoog.messages")
    String topic();

    /**
     * How long the topic keeps a request ({@code retention.ms} when a service creates it): long enough
     * for a sender that was down over a weekend, short enough that links in the clear do not linger.
     */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Whether this service sends the messages addressed to the people whose addresses it holds. Read at build
     * time too: only where it is true does the delivery summary ({@code /api/v1/message-deliveries}) exist.
     */
    @WithDefault("false")
    boolean sender();
}
