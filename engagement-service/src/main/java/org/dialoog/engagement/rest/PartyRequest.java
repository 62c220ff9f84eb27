package org.dialoog.engagement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.PartyType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party to add, or what a merge patch changes. */
@Schema(name = "PartyRequest")
public record PartyRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Bewoners Spoorzone")
        String name,

        @NotNull PartyType type,

        @Size(max = 5000) @Schema(examples = "Keep the square green and quiet at night.")
        String interests) {}
