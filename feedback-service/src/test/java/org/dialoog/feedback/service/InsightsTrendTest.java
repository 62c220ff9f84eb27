package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Question.Dimension;
import org.dialoog.feedback.Question.QuestionType;
import org.dialoog.feedback.store.AnswerCounts;
import org.junit.jupiter.api.Test;

/** Trends and the divergence between parties across an engagement's rounds, from counted answers; without Quarkus or a database. */
class InsightsTrendTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 1, 19, 0, 0, 0, ZoneOffset.ofHours(1));
    private static final UUID ENGAGEMENT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID RESIDENTS = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID MUNICIPALITY = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final List<Question> TRUST_ON_A_FIVE_POINT_SCALE =
            List.of(new Question("trust", "?", QuestionType.SCALE, 1, 5, null, true, Dimension.TRUST, null));
    private static final int K = 2;
    private static final Map<UUID, String> NAMES = Map.of(RESIDENTS, "Bewoners", MUNICIPALITY, "Gemeente");

    /** A round opened on {@code day}, with each party's trust answers (1–5; 1 is 0 and 5 is 100 on the 0–100 scale). */
    private static Insights.Measured round(int day, int[] residents, int[] municipality) {
        FeedbackRound r = new FeedbackRound();
        r.id = new UUID(1, day);
        r.opensAt = START.plusDays(day);
        List<AnswerCounts.Count> counts = new ArrayList<>();
        Map<UUID, int[]> answers = new LinkedHashMap<>();
        answers.put(RESIDENTS, residents);
        answers.put(MUNICIPALITY, municipality);
        answers.forEach((party, values) -> {
            if (values.length > 0) {
                counts.add(new AnswerCounts.Count(party, AnswerCounts.RESPONSES, "", values.length));
                counts.add(new AnswerCounts.Count(party, "trust", AnswerCounts.ANSWERED, values.length));
            }
            for (int v : values) {
                counts.add(new AnswerCounts.Count(party, "trust", Integer.toString(v), 1));
            }
        });
        return new Insights.Measured(
                r, new RoundAggregates(TRUST_ON_A_FIVE_POINT_SCALE, counts, K, null, List.of(RESIDENTS, MUNICIPALITY)));
    }

    private static int[] twice(int answer) {
        return new int[] {answer, answer};
    }

    private static Insights.PartySeries party(Insights.DimensionInsight d, UUID id) {
        return d.parties().stream()
                .filter(p -> p.partyId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void partiesGrowingTowardEachOtherConvergeWhileTheOverallMeanStaysStable() {
        Insights insights = Insights.of(
                ENGAGEMENT,
                List.of(round(1, twice(1), twice(5)), round(2, twice(2), twice(4)), round(3, twice(3), twice(3))),
                NAMES);

        assertThat(insights.dimensions())
                .extracting(Insights.DimensionInsight::dimension)
                .containsExactly(Dimension.TRUST);
        Insights.DimensionInsight trust = insights.dimensions().get(0);
        assertThat(trust.series()).extracting(Insights.Point::mean).containsExactly(50.0, 50.0, 50.0);
        assertThat(trust.trend()).isEqualTo(new Insights.Trend(0.0, "STABLE"));
        assertThat(trust.divergence().series())
                .extracting(Insights.Spread::spread)
                .containsExactly(50.0, 25.0, 0.0);
        assertThat(trust.divergence().series())
                .extracting(Insights.Spread::partiesCompared)
                .containsExactly(2, 2, 2);
        assertThat(trust.divergence().trend()).isEqualTo(new Insights.Trend(-25.0, "CONVERGING"));
        assertThat(party(trust, RESIDENTS).trend()).isEqualTo(new Insights.Trend(25.0, "RISING"));
        assertThat(party(trust, MUNICIPALITY).trend()).isEqualTo(new Insights.Trend(-25.0, "FALLING"));
        assertThat(party(trust, RESIDENTS).name()).isEqualTo("Bewoners");
    }

    @Test
    void roundsArePutInTheOrderTheyOpenedWhateverOrderTheyComeIn() {
        Insights insights = Insights.of(
                ENGAGEMENT,
                List.of(round(3, twice(3), twice(3)), round(1, twice(1), twice(5)), round(2, twice(2), twice(4))),
                NAMES);

        assertThat(insights.rounds())
                .extracting(Insights.RoundPoint::startedAt)
                .containsExactly(START.plusDays(1), START.plusDays(2), START.plusDays(3));
        assertThat(insights.dimensions().get(0).divergence().trend().direction())
                .isEqualTo("CONVERGING");
    }

    @Test
    void partiesGrowingApartDiverge() {
        Insights insights =
                Insights.of(ENGAGEMENT, List.of(round(1, twice(3), twice(3)), round(2, twice(1), twice(5))), NAMES);

        assertThat(insights.dimensions().get(0).divergence().trend()).isEqualTo(new Insights.Trend(50.0, "DIVERGING"));
    }

    @Test
    void aWithheldRoundLeavesAGapAndTheTrendRunsOverTheOthers() {
        Insights insights = Insights.of(
                ENGAGEMENT,
                List.of(
                        round(1, twice(1), twice(5)),
                        round(2, new int[] {2}, new int[0]),
                        round(3, twice(3), twice(3))),
                NAMES);

        assertThat(insights.rounds()).extracting(Insights.RoundPoint::withheld).containsExactly(false, true, false);
        Insights.DimensionInsight trust = insights.dimensions().get(0);
        Insights.Point gap = trust.series().get(1);
        assertThat(gap.mean()).isNull();
        assertThat(gap.suppressed()).isTrue();
        assertThat(gap.answers()).isZero();
        assertThat(party(trust, RESIDENTS).series().get(1).suppressed()).isTrue();
        assertThat(party(trust, RESIDENTS).series().get(1).mean()).isNull();
        assertThat(trust.divergence().series().get(1).spread()).isNull();
        assertThat(party(trust, RESIDENTS).trend()).isEqualTo(new Insights.Trend(25.0, "RISING"));
        assertThat(trust.divergence().trend()).isEqualTo(new Insights.Trend(-25.0, "CONVERGING"));
    }

    @Test
    void aPartyThatAnsweredButIsNotKnownByNameKeepsItsPlaceWithoutAName() {
        Insights insights =
                Insights.of(ENGAGEMENT, List.of(round(1, twice(2), twice(4))), Map.of(RESIDENTS, "Bewoners"));

        Insights.DimensionInsight trust = insights.dimensions().get(0);
        assertThat(trust.parties()).extracting(Insights.PartySeries::partyId).containsExactly(RESIDENTS, MUNICIPALITY);
        assertThat(party(trust, MUNICIPALITY).name()).isNull();
        assertThat(party(trust, MUNICIPALITY).series().get(0).mean()).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void oneRoundIsNotEnoughForATrend() {
        Insights insights = Insights.of(ENGAGEMENT, List.of(round(1, twice(2), twice(4))), NAMES);

        assertThat(insights.dimensions().get(0).trend()).isEqualTo(new Insights.Trend(null, "INSUFFICIENT_DATA"));
        assertThat(insights.dimensions().get(0).divergence().trend().direction())
                .isEqualTo("INSUFFICIENT_DATA");
    }

    @Test
    void lessThanOnePointPerRoundEitherWayIsStable() {
        assertThat(Insights.direction(0.99, false)).isEqualTo("STABLE");
        assertThat(Insights.direction(-0.99, false)).isEqualTo("STABLE");
        assertThat(Insights.direction(-0.99, true)).isEqualTo("STABLE");
        assertThat(Insights.direction(1.0, false)).isEqualTo("RISING");
        assertThat(Insights.direction(-1.0, false)).isEqualTo("FALLING");
        assertThat(Insights.direction(-1.0, true)).isEqualTo("CONVERGING");
        assertThat(Insights.direction(1.0, true)).isEqualTo("DIVERGING");
        assertThat(Insights.direction(null, true)).isEqualTo("INSUFFICIENT_DATA");
    }

    /** Law: parties that give the same answers round after round never diverge, and move exactly as the whole does. */
    @Property(tries = 200)
    void partiesThatAgreeNeverDiverge(
            @ForAll @Size(min = 2, max = 8) List<@IntRange(min = 1, max = 5) Integer> answers) {
        List<Insights.Measured> rounds = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            rounds.add(round(i + 1, twice(answers.get(i)), twice(answers.get(i))));
        }
        Insights.DimensionInsight trust =
                Insights.of(ENGAGEMENT, rounds, NAMES).dimensions().get(0);

        assertThat(trust.divergence().series())
                .allSatisfy(s -> assertThat(s.spread()).isZero());
        assertThat(trust.divergence().trend().direction()).isEqualTo("STABLE");
        assertThat(party(trust, RESIDENTS).trend()).isEqualTo(trust.trend());
        assertThat(party(trust, MUNICIPALITY).trend()).isEqualTo(trust.trend());
    }
}
