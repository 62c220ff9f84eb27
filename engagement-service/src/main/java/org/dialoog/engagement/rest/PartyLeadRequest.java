package org.dialoog.engagement.rest;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.PartyLead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant made the lead of their party, with the rights granted so far. */
@Schema(name = "PartyLeadRequest")
public record PartyLeadRequest(
        @NotNull @Schema(description = "The participant who leads; their party is the one they lead")
        UUID participantId,

        @NotBlank
        @Size(max = 100)
        @Schema(
                description = "The participant's account: the sub of their tokens, which carry the party-lead role",
                examples = "lead-bewoners-fatima")
        String userId,

        @NotNull
        @Size(max = 5)
        @Schema(description = "Granted step by step; may start empty", examples = "[\"RECORD_CONSENT\"]")
        Set<PartyLead.@NotNull Right> rights) {}
