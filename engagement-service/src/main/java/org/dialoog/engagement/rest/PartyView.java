package org.dialoog.engagement.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.dialoog.engagement.Party;
import org.dialoog.engagement.PartyType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party as the API shows it. */
@Schema(name = "Party")
public record PartyView(
        UUID id,
        UUID engagementId,
        String name,
        PartyType type,
        @Schema(nullable = true) String interests,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static PartyView of(Party p) {
        return new PartyView(p.id, p.engagementId, p.name, p.type, p.interests, p.version, p.createdAt, p.updatedAt);
    }

    static PartyRequest editable(Party p) {
        return new PartyRequest(p.name, p.type, p.interests);
    }
}
