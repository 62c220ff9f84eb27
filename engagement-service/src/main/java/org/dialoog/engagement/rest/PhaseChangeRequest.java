package org.dialoog.engagement.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A move to another phase; going back needs a note. */
@Schema(name = "PhaseChangeRequest")
public record PhaseChangeRequest(
        @NotNull @Schema(examples = "DIALOGUE") Phase phase,

        @Size(max = 1000) @Schema(examples = "The exploration interviews are done.") @Nullable
        String note) {}
