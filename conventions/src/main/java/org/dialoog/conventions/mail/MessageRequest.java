package org.dialoog.conventions.mail;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One service asking the service that holds the recipient's address to send one message. It names
 * the recipient only by id (a participant: engagement-service; a public registration:
 * session-service), never by address or name, and carries what the template shows. The personal
 * link, when there is one, exists in the clear only here: in the outbox row until it is published
 * (then deleted) and on the short-retention messages topic ({@code MessagesConfig}).
 *
 * @param messageId   the message's identity: the sender sends each id once and keeps its delivery state under it
 * @param kind        which template, a {@link MessageKind} name
 * @param recipient   whom to send it to, by id
 * @param engagementId the engagement (tenant comes with the event); also the partition key, so one engagement's
 *                    messages arrive in the order they were decided
 * @param sessionId   the session it is about, if any (delivery counts per session)
 * @param roundId     the feedback round it is about, if any (delivery counts per round)
 * @param link        the personal link in the clear, if the message has one
 * @param values      what the template shows besides the recipient (session title, times, place, …), by name
 * @param calendar    an iCalendar attachment, if the message has one
 */
public record MessageRequest(
        UUID messageId,
        MessageKind kind,
        Recipient recipient,
        UUID engagementId,
        @Nullable UUID sessionId,
        @Nullable UUID roundId,
        @Nullable String link,
        Map<String, String> values,
        @Nullable CalendarAttachment calendar) {

    /** Who receives a message, by the id of the row that holds their address. */
    public record Recipient(RecipientType type, UUID id) {}

    /** Which kind of row holds the recipient's address, and so which service sends. */
    public enum RecipientType {
        /** engagement-service's participant. */
        PARTICIPANT,
        /** session-service's public registration. */
        REGISTRATION
    }

    /**
     * An iCalendar object to attach ({@code text/calendar; method=…}).
     *
     * @param method   {@code REQUEST} or {@code CANCEL} (RFC 5546)
     * @param content  the whole VCALENDAR, CRLF line ends
     */
    public record CalendarAttachment(String method, String content) {}
}
