package org.dialoog.engagement.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dialoog.engagement.Engagement;
import org.jspecify.annotations.Nullable;

/** The payloads of engagement events: what consumers need, never an e-mail address. */
public final class EngagementEvents {

    private EngagementEvents() {}

    /** Created and updated: the engagement's state after the change. */
    public record EngagementSnapshot(
            UUID engagementId,
            String tenant,
            String reference,
            String title,
            String kind,
            String status,
            String phase,
            List<String> objectives,
            List<String> facilitators,
            List<String> clientContacts,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            long version) {

        public static EngagementSnapshot of(Engagement e) {
            return new EngagementSnapshot(
                    e.id,
                    e.tenant,
                    e.reference,
                    e.title,
                    e.kind.name(),
                    e.status.name(),
                    e.phase.name(),
                    List.of(e.objectives),
                    List.of(e.facilitators),
                    List.of(e.clientContacts),
                    e.startDate,
                    e.endDate,
                    e.version);
        }
    }

    public record StatusChanged(
            UUID engagementId,
            String tenant,
            String from,
            String to,
            @Nullable String reason) {}

    public record PhaseChanged(
            UUID engagementId,
            String tenant,
            String from,
            String to,
            @Nullable String note) {}

    public record Deleted(UUID engagementId, String tenant) {}

    /** Party added, updated or removed. */
    public record PartyChanged(UUID partyId, UUID engagementId, String tenant, String name, String type) {}

    /** Participant added, updated or removed: ids and party only, never a name or e-mail address. */
    public record ParticipantChanged(UUID participantId, UUID engagementId, UUID partyId, String tenant, String role) {}

    /**
     * An agreement proposed, answered, amended, carried or withdrawn: ids, the current version's number,
     * the state and each concerned party's answer to that version. Never the title, text, concern or reason
     * (free text that may hold personal data: read it from the API).
     */
    public record AgreementChanged(
            UUID agreementId,
            UUID engagementId,
            String tenant,
            @Nullable UUID sessionId,
            int number,
            String state,
            List<PartyAnswer> parties) {}

    /** A concerned party and its answer to the current version; decision null while it has not answered. */
    public record PartyAnswer(UUID partyId, @Nullable String decision) {}

    /**
     * A party lead granted, their rights changed, or revoked (rights empty): the account's user id (the
     * token's sub, as for facilitators), never the participant's name or address.
     */
    public record PartyLeadChanged(
            UUID partyLeadId, UUID engagementId, UUID partyId, String tenant, String userId, List<String> rights) {}
}
