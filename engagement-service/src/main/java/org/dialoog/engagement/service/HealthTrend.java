package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dialoog.engagement.FeedbackResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Per feedback dimension the latest value and the trend over an engagement's rounds: arithmetic on results, no database. */
public final class HealthTrend {

    /** The six dimensions, in the order product.md names them. */
    public static final List<String> DIMENSIONS =
            List.of("TRUST", "COMMUNICATION", "VOICE", "SHARED_SOLUTION", "OWNERSHIP", "CALM");
    /** Below this many points per round (0–100) a slope counts as stable; the same rule as feedback-service's insights. */
    static final double STABLE = 1.0;

    /** One round's value of a dimension. */
    public record Point(
            UUID roundId,
            OffsetDateTime roundStartedAt,
            long answers,
            Double mean,
            @Schema(nullable = true) @Nullable Double ci95Low,
            @Schema(nullable = true) @Nullable Double ci95High) {}

    /** A dimension: the latest value, the trend, and the series it comes from. */
    public record Dimension(
            String dimension,
            @Schema(nullable = true) @Nullable Point latest,
            @Schema(nullable = true) @Nullable Double slopePerRound,
            String trend,
            List<Point> series) {}

    private HealthTrend() {}

    /**
     * Every dimension, in the order of {@link #DIMENSIONS}, from the rounds' results oldest first. A withheld round
     * (too few responses to show) and a dimension without a mean add no point; unknown dimensions are left out.
     */
    public static List<Dimension> of(List<FeedbackResult> rounds) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> series.put(d, new ArrayList<>()));
        for (FeedbackResult r : rounds) {
            if (r.withheld || r.dimensions == null) {
                continue;
            }
            for (FeedbackResult.DimensionValue v : r.dimensions) {
                if (v.mean() != null && series.containsKey(v.dimension())) {
                    series.get(v.dimension())
                            .add(new Point(
                                    r.roundId, r.roundStartedAt, v.answers(), v.mean(), v.ci95Low(), v.ci95High()));
                }
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        series.forEach((d, points) -> dimensions.add(dimension(d, points)));
        return dimensions;
    }

    /** One dimension from its series, oldest first: the latest point and the direction of the means. */
    static Dimension dimension(String dimension, List<Point> series) {
        Double slope = slope(series.stream().map(Point::mean).toList());
        return new Dimension(
                dimension, series.isEmpty() ? null : series.get(series.size() - 1), slope, direction(slope), series);
    }

    static String direction(@Nullable Double slope) {
        if (slope == null) {
            return "INSUFFICIENT_DATA";
        }
        if (Math.abs(slope) < STABLE) {
            return "STABLE";
        }
        return slope > 0 ? "RISING" : "FALLING";
    }

    /** Least-squares slope against the position in the series; null below two points. */
    static @Nullable Double slope(List<Double> ys) {
        int n = ys.size();
        if (n < 2) {
            return null;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int x = 0; x < n; x++) {
            sx += x;
            sy += ys.get(x);
            sxx += (double) x * x;
            sxy += x * ys.get(x);
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
