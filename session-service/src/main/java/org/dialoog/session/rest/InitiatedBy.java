package org.dialoog.session.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Who initiated a session or an action item: a facilitator (or admin), or a party through its party lead. */
@Schema(
        name = "InitiatedBy",
        description = "Who initiated it: FACILITATOR (a facilitator or admin) or PARTY (a party lead of `partyId`)")
public record InitiatedBy(
        @Schema(
                description = "FACILITATOR or PARTY",
                enumeration = {"FACILITATOR", "PARTY"},
                examples = "PARTY")
        String kind,

        @Schema(
                nullable = true,
                description = "The initiating party, for PARTY",
                examples = "6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c31")
        @Nullable
        UUID partyId) {

    static InitiatedBy of(@Nullable UUID partyId) {
        return partyId == null ? new InitiatedBy("FACILITATOR", null) : new InitiatedBy("PARTY", partyId);
    }
}
