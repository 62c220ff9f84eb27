package org.dialoog.engagement.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A proposed agreement. */
@Schema(name = "AgreementRequest")
public record AgreementRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Het plein blijft groen")
        String title,

        @NotBlank
        @Size(max = 10000)
        @Schema(
                description = "The text the parties answer (version 1)",
                examples =
                        "De gemeente legt geen parkeerplaatsen aan op het plein; de bewoners onderhouden de plantvakken.")
        String text,

        @Schema(
                nullable = true,
                description = "The session the agreement came from (session-service's id; not checked here)")
        @Nullable
        UUID sessionId,

        @NotEmpty
        @Size(max = 50)
        @Schema(description = "The parties of this engagement that the agreement concerns; each answers it")
        List<@NotNull UUID> partyIds) {}
