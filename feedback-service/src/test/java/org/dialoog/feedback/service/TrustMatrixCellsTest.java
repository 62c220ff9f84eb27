package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Question.QuestionType;
import org.dialoog.feedback.store.TrustCounts;
import org.junit.jupiter.api.Test;

/** The trust matrix and its course over rounds, from counts alone, without Quarkus. */
class TrustMatrixCellsTest {

    private static final UUID ROUND = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final Question ONE_TO_FIVE =
            new Question("trustInParties", "?", QuestionType.PARTY_TRUST, 1, 5, null, true, null, null);
    private static final Map<UUID, String> NAMES = Map.of(A, "Bewoners", B, "Gemeente", C, "Ondernemers");
    private static final int K = 5;

    @Test
    void aCellUnderKIsHiddenACellAtKIsShownWithItsMeanAndAnEmptyCellIsZero() {
        List<TrustCounts.Count> counts = List.of(
                // A → B: 1, 2, 3, 4, 5 once each: five answers, mean 50 on 0–100
                count(A, B, 1, 1),
                count(A, B, 2, 1),
                count(A, B, 3, 1),
                count(A, B, 4, 1),
                count(A, B, 5, 1),
                // A → C: four answers
                count(A, C, 5, 4));
        List<TrustMatrix.Party> parties = TrustMatrix.parties(NAMES, counts);
        List<TrustMatrix.Cell> cells = TrustMatrix.cells(ROUND, parties, counts, ONE_TO_FIVE, K);
        assertThat(parties).extracting(TrustMatrix.Party::name).containsExactly("Bewoners", "Gemeente", "Ondernemers");
        assertThat(cells).hasSize(6);
        assertThat(cell(cells, A, B)).isEqualTo(new TrustMatrix.Cell(A, B, 5L, 50.0, false));
        assertThat(cell(cells, A, C)).isEqualTo(new TrustMatrix.Cell(A, C, null, null, true));
        assertThat(cell(cells, B, A)).isEqualTo(new TrustMatrix.Cell(B, A, 0L, null, false));
    }

    @Test
    void aPartyNoLongerKnownKeepsItsCellsWithoutAName() {
        UUID gone = UUID.fromString("00000000-0000-0000-0000-0000000000dd");
        List<TrustCounts.Count> counts = List.of(count(gone, A, 4, 6));
        List<TrustMatrix.Party> parties = TrustMatrix.parties(Map.of(A, "Bewoners"), counts);
        assertThat(parties).containsExactly(new TrustMatrix.Party(A, "Bewoners"), new TrustMatrix.Party(gone, null));
        assertThat(cell(TrustMatrix.cells(ROUND, parties, counts, ONE_TO_FIVE, K), gone, A)
                        .mean())
                .isEqualTo(75.0);
    }

    @Test
    void trustRisingOverTwoRoundsIsRisingAndAPairHiddenInOneRoundHasTooLittleData() {
        UUID second = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
        List<TrustCounts.Count> counts = List.of(
                count(ROUND, A, B, 2, 5),
                count(second, A, B, 4, 5),
                count(ROUND, B, A, 3, 5),
                count(second, B, A, 3, 2));
        List<TrustMatrix.Party> parties = TrustMatrix.parties(Map.of(A, "Bewoners", B, "Gemeente"), counts);
        OffsetDateTime start = OffsetDateTime.of(2026, 3, 1, 19, 0, 0, 0, ZoneOffset.UTC);
        List<TrustMatrix> matrices =
                List.of(matrix(ROUND, start, parties, counts), matrix(second, start.plusMonths(1), parties, counts));
        TrustInsights insights = TrustInsights.of(UUID.randomUUID(), matrices, parties);
        TrustInsights.PairSeries ab = insights.pairs().get(0);
        assertThat(ab.fromPartyId()).isEqualTo(A);
        assertThat(ab.series()).extracting(TrustInsights.Point::mean).containsExactly(25.0, 75.0);
        assertThat(ab.trend()).isEqualTo(new Insights.Trend(50.0, "RISING"));
        TrustInsights.PairSeries ba = insights.pairs().get(1);
        assertThat(ba.series()).extracting(TrustInsights.Point::suppressed).containsExactly(false, true);
        assertThat(ba.series().get(1).answers()).isNull();
        assertThat(ba.trend()).isEqualTo(new Insights.Trend(null, "INSUFFICIENT_DATA"));
    }

    /**
     * Law: a cell is shown exactly when it holds at least k answers, and a shown cell's figures are
     * those of its own answers alone (its count, its mean): nothing in the matrix adds cells up.
     */
    @Property(tries = 300)
    void noCellUnderKCanBeSeen(
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 8) Integer> answersPerCell,
            @ForAll @IntRange(min = 1, max = 5) int value,
            @ForAll @IntRange(min = 2, max = 6) int k) {
        List<UUID> ids = List.of(A, B, C);
        List<TrustCounts.Count> counts = new ArrayList<>();
        int i = 0;
        for (UUID from : ids) {
            for (UUID to : ids) {
                if (!from.equals(to)) {
                    int n = answersPerCell.get(i++);
                    if (n > 0) {
                        counts.add(count(from, to, value, n));
                    }
                }
            }
        }
        List<TrustMatrix.Party> parties = TrustMatrix.parties(NAMES, counts);
        for (TrustMatrix.Cell c : TrustMatrix.cells(ROUND, parties, counts, ONE_TO_FIVE, k)) {
            long n = counts.stream()
                    .filter(x -> x.fromPartyId().equals(c.fromPartyId())
                            && x.toPartyId().equals(c.toPartyId()))
                    .mapToLong(TrustCounts.Count::n)
                    .sum();
            if (n > 0 && n < k) {
                assertThat(c.suppressed()).isTrue();
                assertThat(c.answers()).isNull();
                assertThat(c.mean()).isNull();
            } else {
                assertThat(c.suppressed()).isFalse();
                assertThat(c.answers()).isEqualTo(n);
                assertThat(c.mean()).isEqualTo(n == 0 ? null : (value - 1) * 25.0);
            }
        }
    }

    private static TrustMatrix matrix(
            UUID round, OffsetDateTime started, List<TrustMatrix.Party> parties, List<TrustCounts.Count> counts) {
        return new TrustMatrix(
                round,
                UUID.randomUUID(),
                null,
                started,
                "CLOSED",
                ONE_TO_FIVE.key(),
                K,
                parties,
                TrustMatrix.cells(round, parties, counts, ONE_TO_FIVE, K));
    }

    private static TrustMatrix.Cell cell(List<TrustMatrix.Cell> cells, UUID from, UUID to) {
        return cells.stream()
                .filter(c -> c.fromPartyId().equals(from) && c.toPartyId().equals(to))
                .findFirst()
                .orElseThrow();
    }

    private static TrustCounts.Count count(UUID from, UUID to, int value, long n) {
        return count(ROUND, from, to, value, n);
    }

    private static TrustCounts.Count count(UUID round, UUID from, UUID to, int value, long n) {
        return new TrustCounts.Count(round, from, to, value, n);
    }
}
