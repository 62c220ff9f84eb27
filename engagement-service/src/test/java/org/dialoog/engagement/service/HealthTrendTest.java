package org.dialoog.engagement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dialoog.engagement.FeedbackResult;
import org.dialoog.engagement.FeedbackResult.DimensionValue;
import org.junit.jupiter.api.Test;

/** An engagement's health per dimension, without Quarkus: the latest value and the trend from a series of round results. */
class HealthTrendTest {

    private static final OffsetDateTime FIRST_ROUND = OffsetDateTime.parse("2026-01-10T19:00:00+01:00");
    private static final double EPSILON = 1e-9;

    @Test
    void theLatestValueIsTheNewestRoundsAndThreeRisingRoundsAreRising() {
        List<FeedbackResult> rounds = List.of(round(0, trust(40.0)), round(1, trust(55.0)), round(2, trust(70.0)));
        HealthTrend.Dimension trust = dimension(HealthTrend.of(rounds), "TRUST");
        assertThat(latest(trust).mean()).isEqualTo(70.0);
        assertThat(latest(trust).roundId()).isEqualTo(rounds.get(2).roundId);
        assertThat(latest(trust).roundStartedAt()).isEqualTo(FIRST_ROUND.plusWeeks(2));
        assertThat(trust.slopePerRound()).isCloseTo(15.0, within(EPSILON));
        assertThat(trust.trend()).isEqualTo("RISING");
        assertThat(trust.series()).extracting(HealthTrend.Point::mean).containsExactly(40.0, 55.0, 70.0);
    }

    @Test
    void fallingValuesAreFalling() {
        HealthTrend.Dimension trust =
                dimension(HealthTrend.of(List.of(round(0, trust(80.0)), round(1, trust(62.0)))), "TRUST");
        assertThat(trust.slopePerRound()).isCloseTo(-18.0, within(EPSILON));
        assertThat(trust.trend()).isEqualTo("FALLING");
    }

    @Test
    void lessThanOnePointPerRoundIsStableAndOnePointIsAChange() {
        assertThat(HealthTrend.direction(0.99)).isEqualTo("STABLE");
        assertThat(HealthTrend.direction(-0.99)).isEqualTo("STABLE");
        assertThat(HealthTrend.direction(1.0)).isEqualTo("RISING");
        assertThat(HealthTrend.direction(-1.0)).isEqualTo("FALLING");
        HealthTrend.Dimension calm = dimension(
                HealthTrend.of(List.of(round(0, calm(60.0)), round(1, calm(60.5)), round(2, calm(61.0)))), "CALM");
        assertThat(calm.trend()).isEqualTo("STABLE");
    }

    @Test
    void oneRoundGivesALatestValueButNoTrend() {
        HealthTrend.Dimension trust = dimension(HealthTrend.of(List.of(round(0, trust(50.0)))), "TRUST");
        assertThat(latest(trust).mean()).isEqualTo(50.0);
        assertThat(trust.slopePerRound()).isNull();
        assertThat(trust.trend()).isEqualTo("INSUFFICIENT_DATA");
    }

    @Test
    void everyDimensionIsShownInProductOrderEvenWithoutRounds() {
        List<HealthTrend.Dimension> dimensions = HealthTrend.of(List.of());
        assertThat(dimensions)
                .extracting(HealthTrend.Dimension::dimension)
                .containsExactly("TRUST", "COMMUNICATION", "VOICE", "SHARED_SOLUTION", "OWNERSHIP", "CALM");
        assertThat(dimensions).allSatisfy(d -> {
            assertThat(d.latest()).isNull();
            assertThat(d.series()).isEmpty();
            assertThat(d.trend()).isEqualTo("INSUFFICIENT_DATA");
        });
    }

    @Test
    void aWithheldRoundAddsNoValueEvenIfItCarriesSome() {
        FeedbackResult withheld = round(2, trust(10.0));
        withheld.withheld = true;
        FeedbackResult noValues = round(3);
        noValues.dimensions = null;
        HealthTrend.Dimension trust = dimension(
                HealthTrend.of(List.of(round(0, trust(40.0)), round(1, trust(55.0)), withheld, noValues)), "TRUST");
        assertThat(trust.series()).extracting(HealthTrend.Point::mean).containsExactly(40.0, 55.0);
        assertThat(latest(trust).mean()).isEqualTo(55.0);
    }

    @Test
    void aDimensionWithoutAMeanAndAnUnknownDimensionAddNothing() {
        List<HealthTrend.Dimension> dimensions = HealthTrend.of(List.of(round(
                0, new DimensionValue("VOICE", 0, null, null, null), new DimensionValue("JOY", 12, 90.0, 80.0, 99.0))));
        assertThat(dimension(dimensions, "VOICE").series()).isEmpty();
        assertThat(dimensions).extracting(HealthTrend.Dimension::dimension).doesNotContain("JOY");
    }

    @Test
    void aPointKeepsTheRoundsAnswersAndConfidenceInterval() {
        FeedbackResult round = round(0, new DimensionValue("OWNERSHIP", 14, 63.5, 55.0, 72.0));
        assertThat(dimension(HealthTrend.of(List.of(round)), "OWNERSHIP").latest())
                .isEqualTo(new HealthTrend.Point(round.roundId, FIRST_ROUND, 14, 63.5, 55.0, 72.0));
    }

    /** Law: values on a straight line give that line's slope, whatever the start and the number of rounds. */
    @Property
    void aStraightLineGivesItsSlope(
            @ForAll @DoubleRange(min = 0, max = 100) double start,
            @ForAll @DoubleRange(min = -5, max = 5) double step,
            @ForAll @IntRange(min = 2, max = 30) int rounds) {
        List<Double> line =
                IntStream.range(0, rounds).mapToObj(i -> start + step * i).toList();
        assertThat(HealthTrend.slope(line)).isCloseTo(step, within(1e-6));
    }

    /** Law: read backwards a series falls as fast as it rose, and moving every value alike leaves its trend alone. */
    @Property
    void reversingNegatesTheSlopeAndShiftingKeepsIt(
            @ForAll @Size(min = 2, max = 20) List<@DoubleRange(min = 0, max = 100) Double> values,
            @ForAll @DoubleRange(min = -50, max = 50) double shift) {
        double slope = Objects.requireNonNull(HealthTrend.slope(values), "two or more values have a slope");
        List<Double> reversed = new ArrayList<>(values);
        Collections.reverse(reversed);
        assertThat(HealthTrend.slope(reversed)).isCloseTo(-slope, within(1e-6));
        assertThat(HealthTrend.slope(values.stream().map(v -> v + shift).toList()))
                .isCloseTo(slope, within(1e-6));
    }

    /** Law: the latest value is the newest round that showed one, the series holds exactly those, and two make a trend. */
    @Property
    void theLatestValueIsTheNewestRoundThatShowedOne(
            @ForAll @Size(max = 15) List<@DoubleRange(min = -1, max = 100) Double> means) {
        // a negative draw stands for a withheld round
        List<FeedbackResult> rounds = new ArrayList<>();
        for (int i = 0; i < means.size(); i++) {
            FeedbackResult r = round(i, trust(Math.max(means.get(i), 0)));
            r.withheld = means.get(i) < 0;
            rounds.add(r);
        }
        List<FeedbackResult> shown = rounds.stream().filter(r -> !r.withheld).toList();
        HealthTrend.Dimension trust = dimension(HealthTrend.of(rounds), "TRUST");
        assertThat(trust.series())
                .extracting(HealthTrend.Point::roundId)
                .containsExactlyElementsOf(shown.stream().map(r -> r.roundId).toList());
        if (shown.isEmpty()) {
            assertThat(trust.latest()).isNull();
        } else {
            assertThat(latest(trust).roundId()).isEqualTo(shown.get(shown.size() - 1).roundId);
        }
        if (shown.size() < 2) {
            assertThat(trust.trend()).isEqualTo("INSUFFICIENT_DATA");
        } else {
            assertThat(trust.trend()).isIn("RISING", "FALLING", "STABLE");
        }
    }

    private static FeedbackResult round(int week, DimensionValue... values) {
        FeedbackResult r = new FeedbackResult();
        r.roundId = UUID.randomUUID();
        r.roundStartedAt = FIRST_ROUND.plusWeeks(week);
        r.responses = 10;
        r.dimensions = List.of(values);
        return r;
    }

    private static DimensionValue trust(double mean) {
        return new DimensionValue("TRUST", 10, mean, mean - 5, mean + 5);
    }

    private static DimensionValue calm(double mean) {
        return new DimensionValue("CALM", 10, mean, mean - 5, mean + 5);
    }

    /** The dimension's latest value, which the test expects to be there. */
    private static HealthTrend.Point latest(HealthTrend.Dimension d) {
        HealthTrend.Point latest = d.latest();
        assertThat(latest).isNotNull();
        return latest;
    }

    private static HealthTrend.Dimension dimension(List<HealthTrend.Dimension> dimensions, String name) {
        return dimensions.stream()
                .filter(d -> d.dimension().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
