package org.dialoog.engagement.rest;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.Participant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A participant to add, or what a merge patch changes. */
@Schema(name = "ParticipantRequest")
public record ParticipantRequest(
        @NotNull UUID partyId,

        @NotBlank @Size(max = 200) @Schema(examples = "Fatima El Amrani")
        String displayName,

        @Email @Size(max = 254) @Schema(examples = "fatima@example.nl") @Nullable
        String email,

        @NotNull Participant.Role role,

        @Pattern(regexp = "nl|en", message = "must be nl or en")
        @Schema(
                enumeration = {"nl", "en"},
                description = "The language of their messages; nl when left out")
        @Nullable
        String language,

        @Schema(description = "No messages in this engagement; false when left out") @Nullable
        Boolean messagesOptOut) {}
