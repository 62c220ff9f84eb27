package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.engagement.FeedbackResult;
import org.dialoog.engagement.SessionHeld;
import org.dialoog.engagement.repository.EngagementRepository;
import org.dialoog.conventions.domain.DomainException;

/**
 * An engagement's health at a glance: per feedback dimension the latest value and the trend over
 * its rounds, and how many sessions were held — built from feedback-service's k-anonymous
 * results and session-service's completed sessions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementHealth {

    /** The six dimensions, in the order product.md names them. */
    public static final List<String> DIMENSIONS = List.of("TRUST", "COMMUNICATION", "VOICE", "SHARED_SOLUTION", "OWNERSHIP", "CALM");
    /** Below this many points per round (0–100) a slope counts as stable; the same rule as feedback-service's insights. */
    static final double STABLE = 1.0;

    private final EngagementRepository engagements;

    EngagementHealth(EngagementRepository engagements) {
        this.engagements = engagements;
    }

    /** One round's value of a dimension. */
    public record Point(UUID roundId, OffsetDateTime roundStartedAt, long answers, Double mean, Double ci95Low, Double ci95High) {
    }

    /** A dimension: the latest value, the trend, and the series it comes from. */
    public record Dimension(String dimension, Point latest, Double slopePerRound, String trend, List<Point> series) {
    }

    /** The health of one engagement. */
    public record Health(UUID engagementId, long sessionsHeld, long feedbackRounds, long responses,
                         OffsetDateTime lastUpdatedAt, List<Dimension> dimensions) {
    }

    public Health of(UUID engagementId) {
        engagements.findVisible(engagementId).orElseThrow(() -> DomainException.notFound("Engagement", engagementId));
        List<FeedbackResult> rounds = FeedbackResult.list("engagementId", Sort.ascending("roundStartedAt", "roundId"), engagementId);
        Map<String, List<Point>> series = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> series.put(d, new ArrayList<>()));
        OffsetDateTime updated = null;
        long responses = 0;
        for (FeedbackResult r : rounds) {
            responses += r.responses;
            updated = updated == null || r.updatedAt.isAfter(updated) ? r.updatedAt : updated;
            if (r.withheld || r.dimensions == null) {
                continue;
            }
            for (FeedbackResult.DimensionValue v : r.dimensions) {
                if (v.mean() != null && series.containsKey(v.dimension())) {
                    series.get(v.dimension()).add(new Point(r.roundId, r.roundStartedAt, v.answers(), v.mean(), v.ci95Low(), v.ci95High()));
                }
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        series.forEach((d, points) -> {
            Double slope = slope(points.stream().map(Point::mean).toList());
            dimensions.add(new Dimension(d, points.isEmpty() ? null : points.get(points.size() - 1), slope, direction(slope), points));
        });
        return new Health(engagementId, SessionHeld.count("engagementId", engagementId), rounds.size(), responses, updated, dimensions);
    }

    static String direction(Double slope) {
        if (slope == null) {
            return "INSUFFICIENT_DATA";
        }
        if (Math.abs(slope) < STABLE) {
            return "STABLE";
        }
        return slope > 0 ? "RISING" : "FALLING";
    }

    /** Least-squares slope against the position in the series; null below two points. */
    static Double slope(List<Double> ys) {
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
