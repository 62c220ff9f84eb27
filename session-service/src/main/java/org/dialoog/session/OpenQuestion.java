package org.dialoog.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question a session left open; a session outcome stores its open questions as these. */
@Schema(name = "OpenQuestion", description = "A question the session left open")
public record OpenQuestion(
        @NotBlank
        @Size(max = 2000)
        @Schema(description = "The question, free text", examples = "Who pays for the extra bicycle racks?")
        String text) {}
