package org.dialoog.engagement.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.EngagementStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A move in the engagement's status machine. */
@Schema(name = "StatusChangeRequest")
public record StatusChangeRequest(
        @NotNull @Schema(examples = "ACTIVE") EngagementStatus status,

        @Size(max = 1000) @Schema(examples = "Both parties agreed to start.") @Nullable
        String reason) {}
