package org.dialoog.conventions.testapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** A note to create, or what a merge patch changes. */
public record NoteRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) @Nullable String body,
        @Nullable Colour colour) {

    /** An enum field, to see an unknown constant named like any other bad field. */
    public enum Colour {
        RED,
        GREEN
    }
}
