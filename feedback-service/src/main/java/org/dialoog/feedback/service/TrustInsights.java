package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Trust between each pair of parties across an engagement's rounds that asked it: per ordered
 * pair a series (one point per round, oldest first) and its trend. A point carries a mean only
 * where its round's matrix shows the cell (at least k answers); the trend is fitted to those
 * points alone, and nothing pools answers across rounds, so no hidden cell enters any figure.
 */
@Schema(
        name = "TrustInsights",
        description = "Is trust between the parties rising? Per ordered pair of parties (how the first trusts the "
                + "second) one point per round that asked a PARTY_TRUST question, and the trend of the shown points.")
public record TrustInsights(
        UUID engagementId,

        @Schema(description = "The rounds that asked how the parties trust each other, oldest first")
        List<RoundPoint> rounds,

        List<TrustMatrix.Party> parties,

        @Schema(description = "Every ordered pair of distinct parties, in the order of `parties`")
        List<PairSeries> pairs) {

    /** A round on the time axis. */
    @Schema(name = "TrustRoundPoint")
    public record RoundPoint(
            UUID roundId,
            @Schema(nullable = true) @Nullable UUID sessionId,
            OffsetDateTime startedAt,
            @Schema(examples = "5") int minGroupSize) {}

    /** One pair in one round: the cell of that round's matrix. */
    @Schema(name = "TrustPoint")
    public record Point(
            UUID roundId,

            @Schema(nullable = true, description = "Null when suppressed", examples = "6") @Nullable
            Long answers,

            @Schema(nullable = true, description = "0–100; null when suppressed or unanswered", examples = "70.8")
            @Nullable
            Double mean,

            @Schema(examples = "false") boolean suppressed) {}

    /** How one party's trust in another moved. */
    @Schema(name = "TrustPairSeries")
    public record PairSeries(UUID fromPartyId, UUID toPartyId, List<Point> series, Insights.Trend trend) {}

    /** The insights from each round's matrix, the rounds already oldest first and the parties shared by all. */
    static TrustInsights of(UUID engagementId, List<TrustMatrix> matrices, List<TrustMatrix.Party> parties) {
        List<RoundPoint> rounds = matrices.stream()
                .map(m -> new RoundPoint(m.roundId(), m.sessionId(), m.startedAt(), m.minGroupSize()))
                .toList();
        List<PairSeries> pairs = new ArrayList<>();
        for (TrustMatrix.Party from : parties) {
            for (TrustMatrix.Party to : parties) {
                if (from.partyId().equals(to.partyId())) {
                    continue;
                }
                List<Point> series = new ArrayList<>();
                for (TrustMatrix m : matrices) {
                    TrustMatrix.Cell c = m.cells().stream()
                            .filter(x -> x.fromPartyId().equals(from.partyId())
                                    && x.toPartyId().equals(to.partyId()))
                            .findFirst()
                            .orElse(new TrustMatrix.Cell(from.partyId(), to.partyId(), 0L, null, false));
                    series.add(new Point(m.roundId(), c.answers(), c.mean(), c.suppressed()));
                }
                Double slope = Statistics.slope(series.stream().map(Point::mean).toList());
                pairs.add(new PairSeries(
                        from.partyId(),
                        to.partyId(),
                        series,
                        new Insights.Trend(slope, Insights.direction(slope, false))));
            }
        }
        return new TrustInsights(engagementId, rounds, parties, pairs);
    }
}
