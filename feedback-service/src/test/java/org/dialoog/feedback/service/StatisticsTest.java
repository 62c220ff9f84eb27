package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** Means, intervals, slopes and spreads, checked against hand-computed values. */
class StatisticsTest {

    @Test
    void meanAndIntervalFromADistributionUseStudentsT() {
        Statistics.Summary s = Statistics.sums(Map.of(1.0, 1L, 2.0, 1L, 3.0, 1L, 4.0, 1L, 5.0, 2L), v -> v)
                .summary();
        assertThat(s.n()).isEqualTo(6);
        assertThat(s.mean()).isCloseTo(20.0 / 6, within(1e-12));
        double sd = Math.sqrt(Arrays.stream(new double[] {1, 2, 3, 4, 5, 5})
                        .map(x -> (x - 20.0 / 6) * (x - 20.0 / 6))
                        .sum()
                / 5);
        double mean = Objects.requireNonNull(s.mean(), "six answers have a mean");
        double high = Objects.requireNonNull(s.high(), "six answers have an interval");
        assertThat(high - mean).isCloseTo(2.571 * sd / Math.sqrt(6), within(1e-9));
    }

    @Test
    void aSingleAnswerHasAMeanButNoInterval() {
        Statistics.Summary s = Statistics.Sums.ZERO.plus(4, 1).summary();
        assertThat(s.mean()).isEqualTo(4.0);
        assertThat(s.low()).isNull();
        assertThat(Statistics.Sums.ZERO.summary()).isEqualTo(Statistics.Summary.EMPTY);
    }

    @Test
    void largeSamplesUseTheNormalQuantile() {
        assertThat(Statistics.t95(29)).isEqualTo(2.045);
        assertThat(Statistics.t95(1000)).isEqualTo(1.96);
    }

    @Test
    void slopeSkipsMissingRoundsAndNeedsTwoPoints() {
        assertThat(Statistics.slope(List.of(25.0, 62.5, 100.0))).isCloseTo(37.5, within(1e-12));
        assertThat(Statistics.slope(Arrays.asList(10.0, null, 30.0))).isCloseTo(10.0, within(1e-12));
        assertThat(Statistics.slope(Arrays.asList(10.0, null))).isNull();
    }

    @Test
    void spreadIsThePopulationStandardDeviationOfThePartyMeans() {
        assertThat(Statistics.spread(List.of(0.0, 50.0))).isEqualTo(25.0);
        assertThat(Statistics.spread(List.of(100.0, 100.0))).isEqualTo(0.0);
        assertThat(Statistics.spread(List.of(42.0))).isNull();
    }
}
