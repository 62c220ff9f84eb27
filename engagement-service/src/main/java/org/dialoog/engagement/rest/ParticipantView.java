package org.dialoog.engagement.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dialoog.engagement.Participant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A participant as the API shows it; integrations, and client contacts unless granted, get no name or e-mail address. */
@Schema(
        name = "Participant",
        requiredProperties = {
            "id",
            "engagementId",
            "partyId",
            "role",
            "language",
            "messagesOptOut",
            "version",
            "createdAt",
            "updatedAt"
        })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantView(
        UUID id,
        UUID engagementId,
        UUID partyId,

        @Schema(description = "Left out for integrations, and for client contacts unless the engagement grants them")
        @Nullable
        String displayName,

        @Schema(description = "Left out for integrations, and for client contacts unless the engagement grants them")
        @Nullable
        String email,

        Participant.Role role,
        @Schema(enumeration = {"nl", "en"}) String language,
        boolean messagesOptOut,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static ParticipantView of(Participant p, boolean withPersonalData) {
        return new ParticipantView(
                p.id,
                p.engagementId,
                p.partyId,
                withPersonalData ? p.displayName : null,
                withPersonalData ? p.email : null,
                p.role,
                p.language,
                p.messagesOptOut,
                p.version,
                p.createdAt,
                p.updatedAt);
    }

    static ParticipantRequest editable(Participant p) {
        return new ParticipantRequest(p.partyId, p.displayName, p.email, p.role, p.language, p.messagesOptOut);
    }
}
