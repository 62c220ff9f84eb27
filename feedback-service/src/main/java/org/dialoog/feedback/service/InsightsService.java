package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownParty;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.service.Insights.DimensionInsight;
import org.dialoog.feedback.service.Insights.PartySeries;
import org.dialoog.feedback.service.Insights.Point;
import org.dialoog.feedback.service.Insights.Spread;
import org.jspecify.annotations.Nullable;

/** Insights over an engagement's rounds (see {@link Insights}), as JSON or as CSV rows for spreadsheets. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InsightsService {

    private final FeedbackAccess access;
    private final ResultsService results;

    InsightsService(FeedbackAccess access, ResultsService results) {
        this.access = access;
        this.results = results;
    }

    public Insights of(UUID engagementId) {
        access.readableEngagement(engagementId);
        List<Insights.Measured> rounds = FeedbackRound.<FeedbackRound>list("engagementId", engagementId).stream()
                .map(r -> new Insights.Measured(r, results.aggregates(r, null)))
                .toList();
        Map<UUID, String> partyNames = new HashMap<>();
        KnownParty.<KnownParty>list("engagementId", engagementId).forEach(p -> partyNames.put(p.id, p.name));
        return Insights.of(engagementId, rounds, partyNames);
    }

    /** The same insights as CSV rows for spreadsheets: one row per dimension, round and scope. */
    public String csv(UUID engagementId) {
        Insights insights = of(engagementId);
        StringBuilder out = new StringBuilder(
                "dimension,round_id,round_started_at,scope,party_id,party_name,answers,mean,ci95_low,ci95_high,suppressed,spread\r\n");
        Map<UUID, OffsetDateTime> started = new LinkedHashMap<>();
        insights.rounds().forEach(r -> started.put(r.roundId(), r.startedAt()));
        for (DimensionInsight d : insights.dimensions()) {
            for (Point p : d.series()) {
                row(out, d.dimension(), p, startedAt(started, p.roundId()), "ALL", null, null, null);
            }
            for (PartySeries ps : d.parties()) {
                for (Point p : ps.series()) {
                    row(out, d.dimension(), p, startedAt(started, p.roundId()), "PARTY", ps.partyId(), ps.name(), null);
                }
            }
            for (Spread s : d.divergence().series()) {
                row(
                        out,
                        d.dimension(),
                        new Point(s.roundId(), s.partiesCompared(), null, null, null, false),
                        startedAt(started, s.roundId()),
                        "DIVERGENCE",
                        null,
                        null,
                        s.spread());
            }
        }
        return out.toString();
    }

    /** When a round of the insights started: every point and spread belongs to one of its rounds. */
    private static OffsetDateTime startedAt(Map<UUID, OffsetDateTime> started, UUID roundId) {
        return Objects.requireNonNull(started.get(roundId), "every point belongs to a round of the insights");
    }

    private static void row(
            StringBuilder out,
            Question.Dimension d,
            Point p,
            OffsetDateTime started,
            String scope,
            @Nullable UUID party,
            @Nullable String partyName,
            @Nullable Double spread) {
        out.append(d)
                .append(',')
                .append(p.roundId())
                .append(',')
                .append(started)
                .append(',')
                .append(scope)
                .append(',')
                .append(party == null ? "" : party)
                .append(',')
                .append(csvText(partyName))
                .append(',')
                .append(p.answers())
                .append(',')
                .append(number(p.mean()))
                .append(',')
                .append(number(p.ci95Low()))
                .append(',')
                .append(number(p.ci95High()))
                .append(',')
                .append(p.suppressed())
                .append(',')
                .append(number(spread))
                .append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula. */
    static String csvText(@Nullable String s) {
        if (s == null) {
            return "";
        }
        String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String number(@Nullable Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.2f", d);
    }
}
