package org.dialoog.engagement.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.EngagementKind;
import org.dialoog.engagement.EngagementStatus;
import org.dialoog.engagement.Objective;
import org.dialoog.engagement.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An engagement as the API shows it. */
@Schema(name = "Engagement")
public record EngagementView(
        UUID id,
        @Schema(examples = "ENG-2026-0001") String reference,
        String title,
        @Schema(nullable = true) String description,
        EngagementKind kind,
        String clientOrganisation,
        List<Objective> objectives,
        @Schema(nullable = true) LocalDate startDate,
        @Schema(nullable = true) LocalDate endDate,
        @Schema(nullable = true) String caseReference,
        List<String> facilitators,
        List<String> clientContacts,

        @Schema(
                description = "Whether the client contacts may read participants' names and e-mail addresses; false: "
                        + "they see the engagement, its parties, sessions and aggregates, participants without name "
                        + "or e-mail address")
        boolean clientContactsSeePersonalData,

        EngagementStatus status,
        Phase phase,

        @Schema(description = "Optimistic-concurrency version; also the ETag", examples = "1")
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static EngagementView of(Engagement e) {
        return new EngagementView(
                e.id,
                e.reference,
                e.title,
                e.description,
                e.kind,
                e.clientOrganisation,
                Arrays.stream(e.objectives).map(Objective::valueOf).toList(),
                e.startDate,
                e.endDate,
                e.caseReference,
                List.of(e.facilitators),
                List.of(e.clientContacts),
                e.clientContactsSeePersonalData,
                e.status,
                e.phase,
                e.version,
                e.createdAt,
                e.updatedAt);
    }

    /** The editable part, which a merge patch is applied to. */
    public static EngagementRequest editable(Engagement e) {
        return new EngagementRequest(
                e.title,
                e.description,
                e.kind,
                e.clientOrganisation,
                Arrays.stream(e.objectives).map(Objective::valueOf).toList(),
                e.startDate,
                e.endDate,
                e.caseReference,
                List.of(e.facilitators),
                List.of(e.clientContacts),
                e.clientContactsSeePersonalData);
    }
}
