package org.dialoog.conventions.mail;

/** Where a message is on its way ({@code message_delivery.state}). */
public enum DeliveryState {
    /** Decided and not sent yet (waiting for the mail server, or not picked up yet). */
    QUEUED,
    /** Accepted by the mail server. */
    SENT,
    /** Given up: no such recipient, no address, or the mail server refused it every time. */
    FAILED,
    /** Not sent on purpose: the recipient opted out. */
    SUPPRESSED
}
