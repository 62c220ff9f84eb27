package org.dialoog.feedback.service;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Means, 95% confidence intervals and trends, from counted answers rather than raw rows. */
public final class Statistics {

    /** Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom; beyond that the normal 1.96 is close enough. */
    private static final double[] T95 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
        2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    private Statistics() {}

    /** A sample summarised: size, mean, and the 95% confidence interval of the mean (null bounds when n < 2). */
    public record Summary(
            long n,
            @Nullable Double mean,
            @Nullable Double low,
            @Nullable Double high) {
        public static final Summary EMPTY = new Summary(0, null, null, null);
    }

    /** Running sums of a sample, so samples can be merged without their values. */
    public record Sums(long n, double sum, double sumOfSquares) {
        public static final Sums ZERO = new Sums(0, 0, 0);

        public Sums plus(double value, long count) {
            return new Sums(n + count, sum + value * count, sumOfSquares + value * value * count);
        }

        public Sums plus(Sums other) {
            return new Sums(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
        }

        public Summary summary() {
            if (n == 0) {
                return Summary.EMPTY;
            }
            double mean = sum / n;
            if (n < 2) {
                return new Summary(n, mean, null, null);
            }
            double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
            double half = t95(n - 1) * Math.sqrt(variance / n);
            return new Summary(n, mean, mean - half, mean + half);
        }
    }

    /** The sums of a distribution of numeric answers (value → count), each value rescaled by {@code scale}. */
    public static Sums sums(Map<Double, Long> distribution, java.util.function.DoubleUnaryOperator scale) {
        Sums s = Sums.ZERO;
        for (var e : distribution.entrySet()) {
            s = s.plus(scale.applyAsDouble(e.getKey()), e.getValue());
        }
        return s;
    }

    static double t95(long degreesOfFreedom) {
        return degreesOfFreedom <= T95.length ? T95[(int) degreesOfFreedom - 1] : 1.96;
    }

    /** The least-squares slope of a series against its position (0, 1, 2, …); null values are skipped; null below two points. */
    public static @Nullable Double slope(List<Double> series) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int x = 0; x < series.size(); x++) {
            Double y = series.get(x);
            if (y == null) {
                continue;
            }
            n++;
            sx += x;
            sy += y;
            sxx += (double) x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        return n < 2 || denominator == 0 ? null : (n * sxy - sx * sy) / denominator;
    }

    /** The spread of values: their population standard deviation; null below two values. */
    public static @Nullable Double spread(List<Double> values) {
        List<Double> present = values.stream().filter(v -> v != null).toList();
        if (present.size() < 2) {
            return null;
        }
        double mean =
                present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance =
                present.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / present.size();
        return Math.sqrt(variance);
    }
}
