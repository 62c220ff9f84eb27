package org.dialoog.conventions.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import org.dialoog.conventions.config.MailConfig;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link MessageRequest} into one e-mail, once: the delivery record ({@link DeliveryRecords}) says whether
 * the message id was handled already, and its row lock keeps two replicas from sending it twice. While the mail
 * server is away it retries with a doubling back-off, blocking the caller (the consuming partition waits, which
 * keeps one engagement's mails in order), until {@code dialoog.mail.max-tries}; then the message is FAILED. Logs
 * name message ids and exception classes only: no address, name, link or content.
 */
@ApplicationScoped
public class MessageDelivery {

    /** Why a message was not sent, in {@code last_failure}, when no exception says it. */
    public static final String UNKNOWN_RECIPIENT = "UnknownRecipient";

    public static final String NO_ADDRESS = "NoAddress";
    private static final Logger LOG = Logger.getLogger(MessageDelivery.class);

    private final DeliveryRecords records;
    private final MessageTemplates templates;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    /**
     * Where the SMTP client is started: a consumer's blocking method runs on an ordered Vert.x worker context, and a
     * client started there would deliver its answer to that same context, behind the task waiting for it.
     */
    private final ExecutorService sending = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "message-delivery");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;

    MessageDelivery(DeliveryRecords records, MessageTemplates templates, ReactiveMailer mailer, MailConfig config) {
        this.records = records;
        this.templates = templates;
        this.mailer = mailer;
        this.config = config;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
        sending.shutdown();
    }

    /** The service is stopping while a message waits for the mail server: leave it to be delivered again. */
    public static final class Interrupted extends RuntimeException {
        Interrupted(UUID messageId) {
            super("Stopping with message " + messageId + " still queued");
        }
    }

    /**
     * Delivers one message of {@code tenant} to the recipient {@code addressee} finds (empty: no such recipient),
     * unless its id was delivered, suppressed or given up before; answers the state it ends in.
     *
     * @throws Interrupted when the service stops before the mail server took it (it stays QUEUED)
     */
    public DeliveryState deliver(
            String tenant, MessageRequest request, OffsetDateTime decidedAt, Supplier<Optional<Addressee>> addressee) {
        records.queue(tenant, request, decidedAt);
        @Nullable Mail mail = null;
        Duration wait = config.firstRetry();
        while (true) {
            try (DeliveryRecords.Attempt attempt = records.lock(request.messageId())) {
                if (attempt.state() != DeliveryState.QUEUED) {
                    LOG.debugf("Message %s is %s already; not sent again", request.messageId(), attempt.state());
                    return attempt.state();
                }
                if (mail == null) {
                    Optional<Addressee> to = addressee.get();
                    if (to.isEmpty()) {
                        return end(attempt, request, DeliveryState.FAILED, UNKNOWN_RECIPIENT);
                    }
                    if (to.get().optedOut() && !request.kind().required()) {
                        return end(attempt, request, DeliveryState.SUPPRESSED, null);
                    }
                    if (to.get().email() == null) {
                        return end(attempt, request, DeliveryState.FAILED, NO_ADDRESS);
                    }
                    try {
                        mail = compose(tenant, request, to.get());
                    } catch (RuntimeException e) {
                        // a template that cannot render this request will not render it next time either
                        return end(
                                attempt,
                                request,
                                DeliveryState.FAILED,
                                e.getClass().getName());
                    }
                }
                try {
                    mailer.send(mail).runSubscriptionOn(sending).await().atMost(config.sendTimeout());
                    attempt.finish(DeliveryState.SENT, true, null);
                    LOG.debugf("Message %s (%s) sent", request.messageId(), request.kind());
                    return DeliveryState.SENT;
                } catch (RuntimeException e) {
                    int tries = attempt.tries() + 1;
                    String failure = rootClass(e);
                    boolean last = tries >= config.maxTries();
                    attempt.finish(last ? DeliveryState.FAILED : DeliveryState.QUEUED, true, failure);
                    if (last) {
                        LOG.errorf(
                                "Message %s (%s) FAILED after %d tries: %s",
                                request.messageId(), request.kind(), tries, failure);
                        return DeliveryState.FAILED;
                    }
                    LOG.warnf(
                            "Message %s (%s): try %d of %d failed (%s); next in %s",
                            request.messageId(), request.kind(), tries, config.maxTries(), failure, wait);
                }
            }
            pause(wait, request.messageId());
            wait = wait.multipliedBy(2).compareTo(config.maxRetry()) > 0 ? config.maxRetry() : wait.multipliedBy(2);
        }
    }

    private static DeliveryState end(
            DeliveryRecords.Attempt attempt, MessageRequest request, DeliveryState state, @Nullable String why) {
        attempt.finish(state, false, why);
        LOG.infof("Message %s (%s) %s%s", request.messageId(), request.kind(), state, why == null ? "" : ": " + why);
        return state;
    }

    private Mail compose(String tenant, MessageRequest request, Addressee to) {
        MessageTemplates.Rendered rendered = templates.render(request, to);
        MailConfig.TenantSender own = config.tenants().get(tenant);
        String from = own != null && own.from().isPresent() ? own.from().get() : config.from();
        Optional<String> replyTo = own != null && own.replyTo().isPresent() ? own.replyTo() : config.replyTo();
        Mail mail = Mail.withText(java.util.Objects.requireNonNull(to.email()), rendered.subject(), rendered.text())
                .setFrom(from)
                .addHeader("Message-ID", messageId(request.messageId(), from))
                .addHeader("Auto-Submitted", "auto-generated")
                // what it is about, by kind and id only: for mail filters, support and the tests that read mailboxes
                .addHeader("X-Dialoog-Kind", request.kind().name());
        if (request.sessionId() != null) {
            mail.addHeader("X-Dialoog-Session", request.sessionId().toString());
        }
        if (request.roundId() != null) {
            mail.addHeader("X-Dialoog-Round", request.roundId().toString());
        }
        replyTo.filter(r -> !r.isBlank()).ifPresent(mail::setReplyTo);
        MessageRequest.CalendarAttachment calendar = request.calendar();
        if (calendar != null) {
            String method = "CANCEL".equalsIgnoreCase(calendar.method()) ? "CANCEL" : "REQUEST";
            mail.addAttachment(
                    "invite.ics",
                    calendar.content().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; method=" + method + "; charset=UTF-8");
        }
        return mail;
    }

    /** The same {@code Message-ID} however often the message is sent, so mail clients fold a repeat. */
    static String messageId(UUID id, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "dialoog.local" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + id + "@" + (domain.isEmpty() ? "dialoog.local" : domain) + ">";
    }

    private static String rootClass(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName();
    }

    private void pause(Duration wait, UUID messageId) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            if (stopping) {
                throw new Interrupted(messageId);
            }
            try {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted(messageId);
            }
        }
    }
}
