package org.dialoog.conventions.mail;

/**
 * What a message is about; each kind has a template per language (nl, en) at the sender
 * ({@code mail-templates/<KIND>.<nl|en>.txt} in the conventions jar, {@link MessageTemplates}). The name is the
 * wire value in {@link MessageRequest#kind()} and the delivery records.
 *
 * <p>The {@link MessageRequest#values() values} a template shows, by name; every one is optional (a template leaves
 * out what is missing) unless a kind says it is required:
 *
 * <ul>
 *   <li>{@code sessionTitle}: the session's title (required for the session and registration kinds);
 *   <li>{@code startsAt}, {@code endsAt}: ISO-8601 with offset ({@code 2026-03-03T19:00:00+01:00}), shown in
 *       {@code timeZone} (an IANA zone, {@code Europe/Amsterdam} when missing) in the recipient's language;
 *   <li>{@code location}: the place; {@code onlineUrl}: the online meeting's link;
 *   <li>{@code engagementTitle}: the engagement, named in the footer ("why you get this");
 *   <li>{@code pollTitle}: a scheduling poll's title (required for {@link #POLL_INVITATION});
 *   <li>{@code roundTitle}: a feedback round's title; {@code closesAt}: when it closes (ISO-8601 with offset).
 * </ul>
 *
 * The personal link is {@link MessageRequest#link()}, not a value.
 */
public enum MessageKind {
    /** Invited to a session: personal link (answer, cancel, calendar) and a {@code METHOD:REQUEST} calendar. */
    INVITATION,
    /** Accepted while the session was full: on the waitlist. */
    INVITATION_WAITLISTED,
    /** A seat came free: moved up from the waitlist. */
    INVITATION_MOVED_UP,
    /** The facilitator took the invitation back: {@code METHOD:CANCEL} for this invitee's calendar; no link. */
    INVITATION_WITHDRAWN,
    /** The session moved: {@code METHOD:REQUEST} with the next {@code SEQUENCE}. */
    SESSION_RESCHEDULED,
    /** The session will not take place: {@code METHOD:CANCEL}. */
    SESSION_CANCELLED,
    /** A reminder at one of the session's reminder offsets. */
    SESSION_REMINDER,
    /** A public registration holds a seat (with the link that manages it). */
    REGISTRATION_CONFIRMED,
    /** A public registration waits for a seat. */
    REGISTRATION_WAITLISTED,
    /** A waiting public registration got a seat. */
    REGISTRATION_MOVED_UP,
    /** Asked to vote in a scheduling poll, with the personal voting link. */
    POLL_INVITATION,
    /** A feedback round opened, with the personal single-use answer link. */
    FEEDBACK_ROUND_OPENED,
    /** A reminder to everyone asked in a round, without a link ("if you already answered, ignore this"). */
    FEEDBACK_ROUND_REMINDER;

    /**
     * Whether the message goes out even to a recipient who opted out (legally required mail). No kind is today;
     * the sender asks, so a kind that becomes required needs only this answer changed.
     */
    public boolean required() {
        return false;
    }
}
