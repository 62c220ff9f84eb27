package org.dialoog.conventions.testapp;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A note as the API shows it. */
public record NoteView(
        UUID id,
        String title,
        @Schema(nullable = true) @Nullable String body,
        long version,
        OffsetDateTime createdAt) {

    static NoteView of(Note n) {
        return new NoteView(n.id, n.title, n.body, n.version, n.createdAt);
    }
}
