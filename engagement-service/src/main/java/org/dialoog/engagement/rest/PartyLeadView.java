package org.dialoog.engagement.rest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.dialoog.engagement.PartyLead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party lead and the rights granted to them in this engagement. */
@Schema(name = "PartyLead")
public record PartyLeadView(
        UUID id,
        UUID engagementId,
        UUID partyId,
        UUID participantId,
        @Schema(description = "The account (token sub)") String userId,
        List<PartyLead.Right> rights,

        @Schema(description = "The facilitator who granted it")
        String grantedBy,

        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static PartyLeadView of(PartyLead l) {
        return new PartyLeadView(
                l.id,
                l.engagementId,
                l.partyId,
                l.participantId,
                l.userId,
                Arrays.stream(l.rights).map(PartyLead.Right::valueOf).toList(),
                l.grantedBy,
                l.version,
                l.createdAt,
                l.updatedAt);
    }
}
