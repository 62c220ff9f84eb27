package org.dialoog.engagement.rest;

import java.time.OffsetDateTime;

import org.dialoog.engagement.EngagementHistoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One status or phase change. */
@Schema(name = "HistoryEntry")
public record HistoryView(
        @Schema(examples = "STATUS") String kind,

        @Schema(examples = "DRAFT", nullable = true) @Nullable
        String from,

        @Schema(examples = "ACTIVE") String to,
        @Schema(nullable = true) @Nullable String reason,
        String changedBy,
        OffsetDateTime changedAt) {

    static HistoryView of(EngagementHistoryEntry h) {
        return new HistoryView(h.kind, h.fromValue, h.toValue, h.reason, h.changedBy, h.changedAt);
    }
}
