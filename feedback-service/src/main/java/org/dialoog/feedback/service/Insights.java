package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The answer of GET /engagements/{id}/insights: per dimension a series (one point per round,
 * 0–100), its trend, the same per party under the k-anonymity rules, and the divergence between
 * parties — the spread of the party means, which shrinks as the parties grow toward each other.
 * Computed from each round's aggregates alone, so it is tested without a database.
 */
public record Insights(UUID engagementId, List<RoundPoint> rounds, List<DimensionInsight> dimensions) {

    /** Below this many points per round (on 0–100) a slope counts as stable. */
    static final double STABLE = 1.0;

    /** One round on the time axis. */
    public record RoundPoint(
            UUID roundId,
            @Schema(nullable = true) @Nullable UUID sessionId,
            OffsetDateTime startedAt,
            long responses,
            boolean withheld) {}

    /** A dimension's value in one round; null values where k-anonymity hides them or nobody answered. */
    public record Point(
            UUID roundId,
            long answers,
            @Schema(nullable = true) @Nullable Double mean,
            @Schema(nullable = true) @Nullable Double ci95Low,
            @Schema(nullable = true) @Nullable Double ci95High,
            boolean suppressed) {}

    /** The direction of a series: slope per round, and what that means. */
    public record Trend(
            @Schema(nullable = true, examples = "12.5") @Nullable
            Double slopePerRound,

            @Schema(
                    description = "RISING, FALLING or STABLE (CONVERGING, DIVERGING or STABLE for a divergence); "
                            + "INSUFFICIENT_DATA below two points",
                    examples = "RISING")
            String direction) {}

    /** A party's series. */
    public record PartySeries(
            UUID partyId, @Schema(nullable = true) @Nullable String name, List<Point> series, Trend trend) {}

    /** The spread of the party means in one round (null when fewer than two parties can be shown). */
    public record Spread(
            UUID roundId, @Schema(nullable = true) @Nullable Double spread, int partiesCompared) {}

    /** Divergence between parties over time. */
    public record Divergence(List<Spread> series, Trend trend) {}

    /** Everything about one dimension. */
    public record DimensionInsight(
            Question.Dimension dimension,
            List<Point> series,
            Trend trend,
            List<PartySeries> parties,
            Divergence divergence) {}

    /** A round with its results. */
    record Measured(FeedbackRound round, RoundAggregates aggregates) {}

    /**
     * The insights of an engagement from its rounds (in any order: they are put in time order) and
     * its parties' names; a party that answered but is not known by name keeps a null name.
     */
    static Insights of(UUID engagementId, List<Measured> measured, Map<UUID, String> partyNamesById) {
        List<Measured> rounds = measured.stream()
                .sorted(Comparator.comparing((Measured m) -> startedAt(m.round()))
                        .thenComparing(m -> m.round().id.toString()))
                .toList();
        Map<UUID, String> partyNames = new LinkedHashMap<>();
        partyNamesById.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .forEach(e -> partyNames.put(e.getKey(), e.getValue()));
        List<RoundPoint> points = new ArrayList<>();
        for (Measured m : rounds) {
            RoundAggregates a = m.aggregates();
            points.add(new RoundPoint(
                    m.round().id, m.round().sessionId, startedAt(m.round()), a.responses(), a.withheld()));
            a.parties().forEach(p -> partyNames.putIfAbsent(p.partyId(), null));
        }
        List<DimensionInsight> dimensions = new ArrayList<>();
        for (Question.Dimension d : Question.Dimension.values()) {
            List<Point> overall = new ArrayList<>();
            Map<UUID, List<Point>> byParty = new LinkedHashMap<>();
            partyNames.keySet().forEach(p -> byParty.put(p, new ArrayList<>()));
            List<Spread> spreads = new ArrayList<>();
            boolean measuredHere = false;
            for (Measured m : rounds) {
                UUID roundId = m.round().id;
                RoundAggregates a = m.aggregates();
                RoundAggregates.DimensionResult all = find(a.dimensions(), d);
                measuredHere |= all != null || a.withheld();
                overall.add(point(roundId, all, a.withheld()));
                List<Double> partyMeans = new ArrayList<>();
                for (UUID party : byParty.keySet()) {
                    RoundAggregates.PartyResult p = a.parties().stream()
                            .filter(x -> x.partyId().equals(party))
                            .findFirst()
                            .orElse(null);
                    boolean suppressed = p != null && p.suppressed();
                    RoundAggregates.DimensionResult pd = p == null ? null : find(p.dimensions(), d);
                    byParty.get(party).add(point(roundId, pd, suppressed));
                    if (pd != null && pd.mean() != null) {
                        partyMeans.add(pd.mean());
                    }
                }
                spreads.add(new Spread(roundId, Statistics.spread(partyMeans), partyMeans.size()));
            }
            if (!measuredHere) {
                continue;
            }
            List<PartySeries> parties = byParty.entrySet().stream()
                    .map(e ->
                            new PartySeries(e.getKey(), partyNames.get(e.getKey()), e.getValue(), trend(e.getValue())))
                    .toList();
            Double divergenceSlope =
                    Statistics.slope(spreads.stream().map(Spread::spread).toList());
            dimensions.add(new DimensionInsight(
                    d,
                    overall,
                    trend(overall),
                    parties,
                    new Divergence(spreads, new Trend(divergenceSlope, direction(divergenceSlope, true)))));
        }
        return new Insights(engagementId, points, dimensions);
    }

    /** RISING/FALLING/STABLE for a dimension; CONVERGING/DIVERGING/STABLE for the spread between parties. */
    static String direction(@Nullable Double slope, boolean spread) {
        if (slope == null) {
            return "INSUFFICIENT_DATA";
        }
        if (Math.abs(slope) < STABLE) {
            return "STABLE";
        }
        if (spread) {
            return slope < 0 ? "CONVERGING" : "DIVERGING";
        }
        return slope > 0 ? "RISING" : "FALLING";
    }

    private static Trend trend(List<Point> series) {
        Double slope = Statistics.slope(series.stream().map(Point::mean).toList());
        return new Trend(slope, direction(slope, false));
    }

    private static Point point(UUID roundId, RoundAggregates.@Nullable DimensionResult d, boolean suppressed) {
        return d == null || suppressed
                ? new Point(roundId, 0, null, null, null, suppressed)
                : new Point(roundId, d.answers(), d.mean(), d.ci95Low(), d.ci95High(), false);
    }

    private static RoundAggregates.@Nullable DimensionResult find(
            List<RoundAggregates.DimensionResult> list, Question.Dimension d) {
        return list.stream().filter(x -> x.dimension() == d).findFirst().orElse(null);
    }

    private static OffsetDateTime startedAt(FeedbackRound r) {
        return r.opensAt != null ? r.opensAt : r.createdAt;
    }
}
