package org.dialoog.conventions.rest;

import org.jspecify.annotations.Nullable;

/**
 * What text this API accepts anywhere (bodies, query and path parameters, headers it stores):
 * no NUL or other control characters (C0, DEL and C1) except tab, line feed and carriage return, and no lone
 * UTF-16 surrogates. PostgreSQL refuses NUL in text outright, and the others are never part of a
 * name, a title or an answer; refusing them at the edge keeps them out of storage, logs and events.
 */
public final class InputText {

    private InputText() {}

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static @Nullable String refusal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain a NUL character";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            }
        }
        return null;
    }
}
