package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownParty;
import org.dialoog.feedback.Question;

/**
 * Insights over an engagement's rounds: per dimension a series (one point per round, 0–100), its
 * trend, the same per party under the k-anonymity rules, and the divergence between parties —
 * the spread of the party means, which shrinks as the parties grow toward each other.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InsightsService {

    /** Below this many points per round (on 0–100) a slope counts as stable. */
    static final double STABLE = 1.0;

    private final FeedbackAccess access;
    private final ResultsService results;

    InsightsService(FeedbackAccess access, ResultsService results) {
        this.access = access;
        this.results = results;
    }

    /** One round on the time axis. */
    public record RoundPoint(UUID roundId, UUID sessionId, OffsetDateTime startedAt, long responses, boolean withheld) {
    }

    /** A dimension's value in one round; null values where k-anonymity hides them or nobody answered. */
    public record Point(UUID roundId, long answers, Double mean, Double ci95Low, Double ci95High, boolean suppressed) {
    }

    /** The direction of a series: slope per round, and what that means. */
    public record Trend(Double slopePerRound, String direction) {
    }

    /** A party's series. */
    public record PartySeries(UUID partyId, String name, List<Point> series, Trend trend) {
    }

    /** The spread of the party means in one round (null when fewer than two parties can be shown). */
    public record Spread(UUID roundId, Double spread, int partiesCompared) {
    }

    /** Divergence between parties over time. */
    public record Divergence(List<Spread> series, Trend trend) {
    }

    /** Everything about one dimension. */
    public record DimensionInsight(Question.Dimension dimension, List<Point> series, Trend trend, List<PartySeries> parties,
                                   Divergence divergence) {
    }

    /** The answer of GET /engagements/{id}/insights. */
    public record Insights(UUID engagementId, List<RoundPoint> rounds, List<DimensionInsight> dimensions) {
    }

    public Insights of(UUID engagementId) {
        access.readableEngagement(engagementId);
        List<FeedbackRound> rounds = new ArrayList<>(FeedbackRound.<FeedbackRound>list("engagementId", engagementId));
        rounds.sort(Comparator.comparing(InsightsService::startedAt).thenComparing(r -> r.id.toString()));
        Map<UUID, String> partyNames = new LinkedHashMap<>();
        KnownParty.<KnownParty>list("engagementId", engagementId).stream().sorted(Comparator.comparing(p -> p.id.toString()))
                .forEach(p -> partyNames.put(p.id, p.name));
        List<RoundPoint> points = new ArrayList<>();
        List<RoundAggregates> aggregates = new ArrayList<>();
        for (FeedbackRound r : rounds) {
            RoundAggregates a = results.aggregates(r, null);
            aggregates.add(a);
            points.add(new RoundPoint(r.id, r.sessionId, startedAt(r), a.responses(), a.withheld()));
            a.parties().forEach(p -> partyNames.putIfAbsent(p.partyId(), null));
        }
        List<DimensionInsight> dimensions = new ArrayList<>();
        for (Question.Dimension d : Question.Dimension.values()) {
            List<Point> overall = new ArrayList<>();
            Map<UUID, List<Point>> byParty = new LinkedHashMap<>();
            partyNames.keySet().forEach(p -> byParty.put(p, new ArrayList<>()));
            List<Spread> spreads = new ArrayList<>();
            boolean measured = false;
            for (int i = 0; i < rounds.size(); i++) {
                UUID roundId = rounds.get(i).id;
                RoundAggregates a = aggregates.get(i);
                RoundAggregates.DimensionResult all = find(a.dimensions(), d);
                measured |= all != null || a.withheld();
                overall.add(point(roundId, all, a.withheld()));
                List<Double> partyMeans = new ArrayList<>();
                for (UUID party : byParty.keySet()) {
                    RoundAggregates.PartyResult p = a.parties().stream().filter(x -> x.partyId().equals(party)).findFirst().orElse(null);
                    boolean suppressed = p != null && p.suppressed();
                    RoundAggregates.DimensionResult pd = p == null ? null : find(p.dimensions(), d);
                    byParty.get(party).add(point(roundId, pd, suppressed));
                    if (pd != null && pd.mean() != null) {
                        partyMeans.add(pd.mean());
                    }
                }
                spreads.add(new Spread(roundId, Statistics.spread(partyMeans), partyMeans.size()));
            }
            if (!measured) {
                continue;
            }
            List<PartySeries> parties = byParty.entrySet().stream()
                    .map(e -> new PartySeries(e.getKey(), partyNames.get(e.getKey()), e.getValue(), trend(e.getValue())))
                    .toList();
            Double divergenceSlope = Statistics.slope(spreads.stream().map(Spread::spread).toList());
            dimensions.add(new DimensionInsight(d, overall, trend(overall), parties,
                    new Divergence(spreads, new Trend(divergenceSlope, direction(divergenceSlope, true)))));
        }
        return new Insights(engagementId, points, dimensions);
    }

    /** The same insights as CSV rows for spreadsheets: one row per dimension, round and scope. */
    public String csv(UUID engagementId) {
        Insights insights = of(engagementId);
        StringBuilder out = new StringBuilder("dimension,round_id,round_started_at,scope,party_id,party_name,answers,mean,ci95_low,ci95_high,suppressed,spread\r\n");
        Map<UUID, OffsetDateTime> started = new LinkedHashMap<>();
        insights.rounds().forEach(r -> started.put(r.roundId(), r.startedAt()));
        for (DimensionInsight d : insights.dimensions()) {
            for (Point p : d.series()) {
                row(out, d.dimension(), p, started.get(p.roundId()), "ALL", null, null, null);
            }
            for (PartySeries ps : d.parties()) {
                for (Point p : ps.series()) {
                    row(out, d.dimension(), p, started.get(p.roundId()), "PARTY", ps.partyId(), ps.name(), null);
                }
            }
            for (Spread s : d.divergence().series()) {
                row(out, d.dimension(), new Point(s.roundId(), s.partiesCompared(), null, null, null, false),
                        started.get(s.roundId()), "DIVERGENCE", null, null, s.spread());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Question.Dimension d, Point p, OffsetDateTime started, String scope, UUID party,
                            String partyName, Double spread) {
        out.append(d).append(',').append(p.roundId()).append(',').append(started).append(',').append(scope).append(',')
                .append(party == null ? "" : party).append(',').append(csvText(partyName)).append(',').append(p.answers()).append(',')
                .append(number(p.mean())).append(',').append(number(p.ci95Low())).append(',').append(number(p.ci95High())).append(',')
                .append(p.suppressed()).append(',').append(number(spread)).append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula. */
    static String csvText(String s) {
        if (s == null) {
            return "";
        }
        String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static Point point(UUID roundId, RoundAggregates.DimensionResult d, boolean suppressed) {
        return d == null || suppressed ? new Point(roundId, 0, null, null, null, suppressed)
                : new Point(roundId, d.answers(), d.mean(), d.ci95Low(), d.ci95High(), false);
    }

    private static RoundAggregates.DimensionResult find(List<RoundAggregates.DimensionResult> list, Question.Dimension d) {
        return list.stream().filter(x -> x.dimension() == d).findFirst().orElse(null);
    }

    private static Trend trend(List<Point> series) {
        Double slope = Statistics.slope(series.stream().map(Point::mean).toList());
        return new Trend(slope, direction(slope, false));
    }

    /** RISING/FALLING/STABLE for a dimension; CONVERGING/DIVERGING/STABLE for the spread between parties. */
    static String direction(Double slope, boolean spread) {
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

    private static OffsetDateTime startedAt(FeedbackRound r) {
        return r.opensAt != null ? r.opensAt : r.createdAt;
    }
}
