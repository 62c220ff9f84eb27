package org.dialoog.feedback.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.store.AnswerCounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The results of one round, computed from its counters under the k-anonymity rules: nothing but
 * the response count when fewer than k responded; per party only for parties that survive
 * {@link Suppression}. Dimensions are pooled over a round's SCALE questions, each answer
 * rescaled to 0–100 so that scales of different lengths can be compared and followed over time.
 * PARTY_TRUST questions are left out of both: their answers form the trust matrix alone.
 */
public final class RoundAggregates {

    /** One answer value and how often it was given. */
    public record ValueCount(String value, long count) {}

    /** A question's answers: the distribution, and for SCALE questions the mean with its 95% interval. */
    public record QuestionResult(
            String key,
            String text,
            Question.QuestionType type,
            @Schema(nullable = true) Question.@Nullable Dimension dimension,
            long answers,
            List<ValueCount> distribution,
            @Schema(nullable = true) @Nullable Double mean,
            @Schema(nullable = true) @Nullable Double ci95Low,
            @Schema(nullable = true) @Nullable Double ci95High) {}

    /** A dimension on the 0–100 scale. */
    public record DimensionResult(
            Question.Dimension dimension,
            long answers,
            @Schema(nullable = true) @Nullable Double mean,
            @Schema(nullable = true) @Nullable Double ci95Low,
            @Schema(nullable = true) @Nullable Double ci95High) {}

    /** One party's share; the lists are empty and {@code responses} null when the party is suppressed. */
    public record PartyResult(
            UUID partyId,
            boolean suppressed,
            @Nullable Long responses,
            List<QuestionResult> questions,
            List<DimensionResult> dimensions) {}

    private final long responses;
    private final boolean withheld;
    private final List<QuestionResult> questions;
    private final List<DimensionResult> dimensions;
    private final List<PartyResult> parties;

    public RoundAggregates(
            List<Question> questionnaire,
            List<AnswerCounts.Count> counts,
            int k,
            @Nullable String language,
            List<UUID> knownParties) {
        Map<UUID, Long> byParty = new LinkedHashMap<>();
        knownParties.forEach(p -> byParty.put(p, 0L));
        counts.stream()
                .filter(c -> c.questionKey().equals(AnswerCounts.RESPONSES)
                        && !c.partyId().equals(AnswerCounts.NO_PARTY))
                .forEach(c -> byParty.merge(c.partyId(), c.n(), Long::sum));
        this.responses = counts.stream()
                .filter(c -> c.questionKey().equals(AnswerCounts.RESPONSES))
                .mapToLong(AnswerCounts.Count::n)
                .sum();
        this.withheld = responses < k;
        Set<UUID> hidden = withheld ? byParty.keySet() : Suppression.suppressed(byParty, k);
        this.questions = withheld ? List.of() : questions(questionnaire, counts, null, language);
        this.dimensions = withheld ? List.of() : dimensions(questionnaire, counts, null);
        this.parties = new ArrayList<>();
        byParty.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .forEach(e -> {
                    boolean suppressed = e.getValue() > 0 && hidden.contains(e.getKey());
                    parties.add(
                            suppressed || e.getValue() == 0
                                    ? new PartyResult(
                                            e.getKey(), suppressed, suppressed ? null : 0L, List.of(), List.of())
                                    : new PartyResult(
                                            e.getKey(),
                                            false,
                                            e.getValue(),
                                            questions(questionnaire, counts, e.getKey(), language),
                                            dimensions(questionnaire, counts, e.getKey())));
                });
    }

    public long responses() {
        return responses;
    }

    public boolean withheld() {
        return withheld;
    }

    public List<QuestionResult> questions() {
        return questions;
    }

    public List<DimensionResult> dimensions() {
        return dimensions;
    }

    public List<PartyResult> parties() {
        return parties;
    }

    private static List<QuestionResult> questions(
            List<Question> questionnaire,
            List<AnswerCounts.Count> counts,
            @Nullable UUID party,
            @Nullable String language) {
        List<QuestionResult> out = new ArrayList<>();
        for (Question q : questionnaire) {
            // texts are shown apart, never per party; trust in parties only in the trust matrix (TrustMatrix)
            if (q.type() == Question.QuestionType.TEXT || q.type() == Question.QuestionType.PARTY_TRUST) {
                continue;
            }
            Map<String, Long> distribution = distribution(q, counts, party);
            long answers = counts.stream()
                    .filter(c -> c.questionKey().equals(q.key())
                            && c.value().equals(AnswerCounts.ANSWERED)
                            && (party == null || c.partyId().equals(party)))
                    .mapToLong(AnswerCounts.Count::n)
                    .sum();
            Statistics.Summary summary = Statistics.Summary.EMPTY;
            if (q.type() == Question.QuestionType.SCALE) {
                summary = Statistics.sums(numeric(distribution), v -> v).summary();
            }
            String text = language != null
                            && q.translations() != null
                            && q.translations().containsKey(language)
                    ? q.translations().get(language)
                    : q.text();
            out.add(new QuestionResult(
                    q.key(),
                    text,
                    q.type(),
                    q.dimension(),
                    answers,
                    distribution.entrySet().stream()
                            .map(e -> new ValueCount(e.getKey(), e.getValue()))
                            .toList(),
                    summary.mean(),
                    summary.low(),
                    summary.high()));
        }
        return out;
    }

    private static List<DimensionResult> dimensions(
            List<Question> questionnaire, List<AnswerCounts.Count> counts, @Nullable UUID party) {
        Map<Question.Dimension, Statistics.Sums> sums = new TreeMap<>();
        for (Question q : questionnaire) {
            if (q.type() != Question.QuestionType.SCALE || q.dimension() == null) {
                continue;
            }
            double min = min(q);
            double range = max(q) - min(q);
            Statistics.Sums s = Statistics.sums(numeric(distribution(q, counts, party)), v -> (v - min) / range * 100);
            sums.merge(q.dimension(), s, Statistics.Sums::plus);
        }
        List<DimensionResult> out = new ArrayList<>();
        sums.forEach((d, s) -> {
            Statistics.Summary summary = s.summary();
            out.add(new DimensionResult(d, s.n(), summary.mean(), summary.low(), summary.high()));
        });
        return out;
    }

    /** Value → count for one question, in the question's own order (scale points, then options). */
    private static Map<String, Long> distribution(Question q, List<AnswerCounts.Count> counts, @Nullable UUID party) {
        Map<String, Long> d = new LinkedHashMap<>();
        if (q.type() == Question.QuestionType.SCALE) {
            for (int v = min(q); v <= max(q); v++) {
                d.put(Integer.toString(v), 0L);
            }
        } else if (q.options() != null) {
            q.options().forEach(o -> d.put(o, 0L));
        }
        for (AnswerCounts.Count c : counts) {
            if (c.questionKey().equals(q.key())
                    && (party == null || c.partyId().equals(party))
                    && d.containsKey(c.value())) {
                d.merge(c.value(), c.n(), Long::sum);
            }
        }
        return d;
    }

    // a SCALE question has both bounds: QuestionnaireService refuses one without them
    private static int min(Question scale) {
        return Objects.requireNonNull(scale.min(), "a SCALE question has a min");
    }

    private static int max(Question scale) {
        return Objects.requireNonNull(scale.max(), "a SCALE question has a max");
    }

    private static Map<Double, Long> numeric(Map<String, Long> distribution) {
        Map<Double, Long> out = new HashMap<>();
        distribution.forEach((v, n) -> out.put(Double.parseDouble(v), n));
        return out;
    }
}
