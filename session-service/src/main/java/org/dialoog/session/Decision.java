package org.dialoog.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision a session took; a session outcome stores its decisions as these. */
@Schema(name = "Decision", description = "A decision the session took")
public record Decision(
        @NotBlank
        @Size(max = 2000)
        @Schema(
                description = "What was decided, free text",
                examples = "The market square stays car-free on Saturdays.")
        String text) {}
