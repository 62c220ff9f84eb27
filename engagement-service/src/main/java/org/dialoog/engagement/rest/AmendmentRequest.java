package org.dialoog.engagement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A new text for an agreement that is pending or was objected to. */
@Schema(name = "AgreementAmendmentRequest")
public record AmendmentRequest(
        @NotBlank
        @Size(max = 10000)
        @Schema(
                examples =
                        "De gemeente legt geen parkeerplaatsen aan op het plein; de gemeente onderhoudt de plantvakken tot 2028, daarna de bewoners.")
        String text,

        @Size(max = 5000)
        @Schema(
                nullable = true,
                description = "What changed and why",
                examples = "Onderhoud na het bezwaar van de bewoners")
        @Nullable
        String note) {}
