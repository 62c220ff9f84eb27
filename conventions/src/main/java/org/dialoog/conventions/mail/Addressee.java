package org.dialoog.conventions.mail;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The recipient of a message as the sending service knows them: found by the request's recipient id, never
 * carried on an event.
 *
 * @param email       where to send; none: the message cannot be delivered (FAILED)
 * @param displayName how the mail addresses them
 * @param language    {@code nl} or {@code en}; anything else reads as {@code nl}
 * @param optedOut    the recipient asked for no messages: only a {@link MessageKind#required() required} kind is sent
 */
public record Addressee(@Nullable String email, String displayName, String language, boolean optedOut) {

    public static final String DUTCH = "nl";
    public static final String ENGLISH = "en";

    /** The template language: {@code en} only when asked for, {@code nl} otherwise. */
    public String templateLanguage() {
        return ENGLISH.equals(language.toLowerCase(Locale.ROOT)) ? ENGLISH : DUTCH;
    }
}
