package org.dialoog.conventions.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A logged exception with its messages redacted: it prints like the original (class name, message,
 * stack frames, causes and suppressed exceptions), only without what {@link Redaction} takes out.
 */
final class RedactedException extends RuntimeException {

    private final String type;

    private RedactedException(String type, @Nullable String message, @Nullable Throwable cause) {
        super(message, cause, true, true);
        this.type = type;
    }

    /** {@code t} itself when none of its messages needs redacting, otherwise a redacted copy of it and its chain. */
    static Throwable of(Throwable t) {
        // copying starts from an empty set, so the first throwable is always copied
        return needsRedaction(t, identitySet()) ? Objects.requireNonNull(copy(t, identitySet())) : t;
    }

    private static boolean needsRedaction(Throwable t, Set<Throwable> seen) {
        if (!seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !Redaction.redact(message).equals(message)) {
            return true;
        }
        Throwable cause = t.getCause();
        if (cause != null && needsRedaction(cause, seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (needsRedaction(suppressed, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The copy; a cause that refers back into the chain being copied ends it, as printing would. */
    private static @Nullable Throwable copy(Throwable t, Set<Throwable> copying) {
        if (!copying.add(t)) {
            return null;
        }
        String message = t.getMessage();
        Throwable cause = t.getCause();
        RedactedException copy = new RedactedException(
                t.getClass().getName(),
                message == null ? null : Redaction.redact(message),
                cause == null ? null : copy(cause, copying));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable redacted = copy(suppressed, copying);
            if (redacted != null) {
                copy.addSuppressed(redacted);
            }
        }
        return copy;
    }

    private static Set<Throwable> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** The frames are the original's, set after construction; filling in our own would be wasted work. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Prints as the original class, so a stack trace reads the same with or without redaction. */
    @Override
    @SuppressWarnings("OverrideThrowableToString")
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? type : type + ": " + message;
    }
}
