package org.dialoog.conventions.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service that holds addresses sends e-mail ({@link org.dialoog.conventions.mail.MessageDelivery}): the
 * sender and reply-to address, per tenant if a tenant has its own, and how long it keeps trying while the mail
 * server is away. The SMTP server itself is {@code quarkus.mailer.*} ({@code DIALOOG_SMTP_HOST}, …).
 */
@ConfigMapping(prefix = "dialoog.mail")
public interface MailConfig {

    /** The sender of every mail ({@code Name <address>}) unless the tenant has its own. */
    @WithDefault("Dialoog <noreply@dialoog.local>")
    String from();

    /** Where replies go unless the tenant has its own; none: replies go to the sender. */
    Optional<String> replyTo();

    /** A tenant's own sender and reply-to, by tenant ({@code dialoog.mail.tenants."<org>".from}). */
    Map<String, TenantSender> tenants();

    /** Sending attempts per message before it is FAILED; with the back-off below, 16 outlast a 5-minute outage. */
    @WithDefault("16")
    int maxTries();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("1s")
    Duration firstRetry();

    /** The longest wait between two attempts. */
    @WithDefault("30s")
    Duration maxRetry();

    /** Longest wait for the SMTP server to accept one message. */
    @WithDefault("20s")
    Duration sendTimeout();

    /** One tenant's sender. */
    interface TenantSender {
        /** The tenant's sender; none: {@code dialoog.mail.from}. */
        Optional<String> from();

        /** The tenant's reply-to; none: {@code dialoog.mail.reply-to}. */
        Optional<String> replyTo();
    }
}
