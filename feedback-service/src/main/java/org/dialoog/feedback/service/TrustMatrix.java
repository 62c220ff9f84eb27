package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.store.TrustCounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A round's party × party trust matrix, from its PARTY_TRUST counters under k-anonymity: a cell
 * (how the respondents of one party trust another) is shown only with at least k answers. Cells
 * hold disjoint answers and nothing else is published from them — no row, column or round total,
 * no pooled dimension — so a hidden cell cannot be recovered by subtraction. Computed from the
 * counts alone, so it is tested without a database.
 */
@Schema(
        name = "TrustMatrix",
        description = "How the respondents of each party trust each other party in one round. No marginals: "
                + "nothing that adds cells together is published, so a hidden cell cannot be derived by subtraction.")
public record TrustMatrix(
        UUID roundId,
        UUID engagementId,
        @Schema(nullable = true) @Nullable UUID sessionId,

        @Schema(description = "When the round opened (or was created)")
        OffsetDateTime startedAt,

        @Schema(examples = "OPEN") String state,

        @Schema(description = "The key of the round's PARTY_TRUST question", examples = "trustInParties")
        String questionKey,

        @Schema(description = "k: a cell is shown only with at least this many answers", examples = "5")
        int minGroupSize,

        @Schema(description = "The parties of the matrix, by name")
        List<Party> parties,

        @Schema(description = "Every ordered pair of distinct parties, in the order of `parties`")
        List<Cell> cells) {

    /** A party of the matrix; the name is null for a party no longer known here. */
    @Schema(name = "TrustParty")
    public record Party(
            UUID partyId,

            @Schema(nullable = true, examples = "Bewoners") @Nullable
            String name) {}

    /** How the respondents of one party trust another. */
    @Schema(
            name = "TrustCell",
            description = "How the respondents of `fromPartyId` trust `toPartyId`. With 1 to minGroupSize − 1 answers "
                    + "the cell is suppressed: answers and mean are null.")
    public record Cell(
            UUID fromPartyId,
            UUID toPartyId,

            @Schema(nullable = true, description = "Null when suppressed", examples = "7") @Nullable
            Long answers,

            @Schema(
                    nullable = true,
                    description =
                            "The mean on 0–100 (scale minimum 0, maximum 100); null when suppressed or unanswered",
                    examples = "62.5")
            @Nullable
            Double mean,

            @Schema(examples = "false") boolean suppressed) {}

    /** The parties of a matrix: those known here, in name order, then any others the counts name. */
    static List<Party> parties(Map<UUID, String> known, List<TrustCounts.Count> counts) {
        List<Party> parties = new ArrayList<>();
        known.entrySet().stream()
                .sorted(Map.Entry.<UUID, String>comparingByValue(Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> e.getKey().toString()))
                .forEach(e -> parties.add(new Party(e.getKey(), e.getValue())));
        counts.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.fromPartyId(), c.toPartyId()))
                .filter(p -> !known.containsKey(p))
                .distinct()
                .sorted(Comparator.comparing(UUID::toString))
                .forEach(p -> parties.add(new Party(p, null)));
        return parties;
    }

    /** The cells of one round (counts of other rounds are ignored), for every ordered pair of the parties. */
    static List<Cell> cells(
            UUID roundId, List<Party> parties, List<TrustCounts.Count> counts, Question question, int k) {
        int min = Objects.requireNonNull(question.min(), "a PARTY_TRUST question has a min");
        int max = Objects.requireNonNull(question.max(), "a PARTY_TRUST question has a max");
        Map<List<UUID>, Statistics.Sums> sums = new LinkedHashMap<>();
        for (TrustCounts.Count c : counts) {
            if (c.roundId().equals(roundId)) {
                double scaled = (c.value() - min) / (double) (max - min) * 100;
                sums.merge(
                        List.of(c.fromPartyId(), c.toPartyId()),
                        Statistics.Sums.ZERO.plus(scaled, c.n()),
                        Statistics.Sums::plus);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (Party from : parties) {
            for (Party to : parties) {
                if (!from.partyId().equals(to.partyId())) {
                    Statistics.Sums s = sums.getOrDefault(List.of(from.partyId(), to.partyId()), Statistics.Sums.ZERO);
                    cells.add(cell(from.partyId(), to.partyId(), s, k));
                }
            }
        }
        return cells;
    }

    private static Cell cell(UUID from, UUID to, Statistics.Sums s, int k) {
        if (s.n() == 0) {
            return new Cell(from, to, 0L, null, false);
        }
        if (s.n() < k) {
            return new Cell(from, to, null, null, true);
        }
        return new Cell(from, to, s.n(), s.summary().mean(), false);
    }
}
