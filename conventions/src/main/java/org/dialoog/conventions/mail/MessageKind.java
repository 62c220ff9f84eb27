package org.dialoog.conventions.mail;

/**
 * What a message is about; each kind has a template per language (nl, en) at the sender. The name
 * is the wire value in {@link MessageRequest#kind()} and the delivery records.
 */
public enum MessageKind {
    /** Invited to a session: personal link (answer, cancel, calendar) and a {@code METHOD:REQUEST} calendar. */
    INVITATION,
    /** Accepted while the session was full: on the waitlist. */
    INVITATION_WAITLISTED,
    /** A seat came free: moved up from the waitlist. */
    INVITATION_MOVED_UP,
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
    FEEDBACK_ROUND_REMINDER
}
