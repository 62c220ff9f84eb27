package org.dialoog.engagement.rest;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.engagement.PartyLead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rights a party lead has from now on. */
@Schema(name = "PartyLeadRightsRequest")
public record PartyLeadRightsRequest(
        @NotNull
        @Size(max = 5)
        @Schema(
                description = "The whole set: a right left out is taken back",
                examples = "[\"RECORD_CONSENT\", \"RUN_POLLS\"]")
        Set<PartyLead.@NotNull Right> rights) {}
