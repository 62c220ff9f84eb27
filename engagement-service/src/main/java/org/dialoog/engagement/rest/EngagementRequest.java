package org.dialoog.engagement.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.EngagementKind;
import org.dialoog.engagement.Objective;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;
import org.jspecify.annotations.Nullable;

/** The editable fields of an engagement: the body of a create, and what a merge patch changes. */
@Schema(name = "EngagementRequest")
public record EngagementRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Samen verder in de Spoorzone")
        String title,

        @Size(max = 5000) @Schema(examples = "Residents, shop owners and the municipality plan the square together.")
        String description,

        @NotNull EngagementKind kind,

        @NotBlank @Size(max = 200) @Schema(examples = "Gemeente Utrecht")
        String clientOrganisation,

        @NotEmpty @Size(max = 9) List<@NotNull Objective> objectives,
        @Schema(examples = "2026-01-15") LocalDate startDate,
        @Schema(examples = "2026-12-15") LocalDate endDate,

        @URL(protocol = "https")
        @Size(max = 500)
        @Schema(
                description = "URL of the municipal case (zaak)",
                examples = "https://zaken.example.nl/api/v1/zaken/8f3c")
        String caseReference,

        @Size(max = 20) @Schema(description = "User ids (token sub) of the facilitators; the creator is always one")
        List<@NotBlank @Size(max = 100) String> facilitators,

        @Size(max = 20)
        @Schema(description = "User ids (token sub) of the client's contacts, who may read this engagement")
        List<@NotBlank @Size(max = 100) String> clientContacts,

        @Schema(
                description = "Whether the client contacts may read participants' names and e-mail addresses. Absent "
                        + "or null: false — a client contact (often the municipality, one party among several) sees "
                        + "the engagement, its parties, sessions and aggregates, and participants without name or "
                        + "e-mail address. Set by the engagement's facilitators or an admin.",
                examples = "false",
                nullable = true)
        @Nullable
        Boolean clientContactsSeePersonalData) {}
