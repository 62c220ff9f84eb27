package org.dialoog.engagement.rest;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.AgreementAnswer;
import org.dialoog.engagement.AgreementVersion;
import org.dialoog.engagement.service.AgreementService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An agreement, its current text with each concerned party's answer, and every earlier version. */
@Schema(name = "Agreement")
public record AgreementView(
        UUID id,
        UUID engagementId,
        @Schema(nullable = true) @Nullable UUID sessionId,
        String title,

        @Schema(
                description = "PENDING until every concerned party consents (CARRIED) or one objects (OBJECTED: amend "
                        + "it); an abstention keeps it PENDING. WITHDRAWN by a facilitator.")
        Agreement.State state,

        @Schema(description = "The number of the current version, from 1", examples = "2")
        int number,

        @Schema(description = "The current text") String text,

        @Schema(description = "Each concerned party and its answer to the current text (decision null: not yet)")
        List<PartyAnswerView> parties,

        @Schema(description = "Every version, oldest first, with the answers it got")
        List<VersionView> versions,

        @Schema(nullable = true) @Nullable OffsetDateTime carriedAt,
        @Schema(nullable = true) @Nullable String withdrawnReason,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A concerned party's answer to one version. */
    @Schema(name = "AgreementPartyAnswer")
    public record PartyAnswerView(
            UUID partyId,
            String partyName,
            @Schema(nullable = true) AgreementAnswer.@Nullable Decision decision,

            @Schema(nullable = true, description = "The concern or the objection's reason") @Nullable
            String reason,

            @Schema(description = "Recorded by a facilitator on the party's behalf")
            boolean onBehalf,

            @Schema(nullable = true) @Nullable OffsetDateTime recordedAt) {}

    /** One text of the agreement. */
    @Schema(name = "AgreementVersion")
    public record VersionView(
            int number,
            String text,

            @Schema(nullable = true, description = "Why it was amended") @Nullable
            String note,

            OffsetDateTime writtenAt,
            List<PartyAnswerView> answers) {}

    public static AgreementView of(AgreementService.AgreementRecord r) {
        Agreement a = r.agreement();
        AgreementVersion current = r.current();
        return new AgreementView(
                a.id,
                a.engagementId,
                a.sessionId,
                a.title,
                a.state,
                a.currentNumber,
                current.text,
                answers(r, current),
                r.versions().stream()
                        .map(v -> new VersionView(v.number, v.text, v.note, v.writtenAt, answers(r, v)))
                        .toList(),
                a.carriedAt,
                a.withdrawnReason,
                a.version,
                a.createdAt,
                a.updatedAt);
    }

    /** Every concerned party, by name, with its answer to {@code v} if any. */
    private static List<PartyAnswerView> answers(AgreementService.AgreementRecord r, AgreementVersion v) {
        Map<UUID, AgreementAnswer> byParty = new HashMap<>();
        for (AgreementAnswer answer : r.answers().getOrDefault(v.id, List.of())) {
            byParty.put(answer.partyId, answer);
        }
        return r.agreement().partyIds.stream()
                .sorted(Comparator.comparing((UUID p) -> r.partyNames().getOrDefault(p, ""))
                        .thenComparing(UUID::toString))
                .map(p -> {
                    AgreementAnswer answer = byParty.get(p);
                    String name = r.partyNames().getOrDefault(p, "");
                    return answer == null
                            ? new PartyAnswerView(p, name, null, null, false, null)
                            : new PartyAnswerView(
                                    p, name, answer.decision, answer.reason, answer.onBehalf, answer.recordedAt);
                })
                .toList();
    }
}
