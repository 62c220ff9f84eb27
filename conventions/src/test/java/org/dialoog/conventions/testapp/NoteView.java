package org.dialoog.conventions.testapp;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A note as the API shows it. */
public record NoteView(UUID id, String title, @Nullable String body, long version, OffsetDateTime createdAt) {

    static NoteView of(Note n) {
        return new NoteView(n.id, n.title, n.body, n.version, n.createdAt);
    }
}
