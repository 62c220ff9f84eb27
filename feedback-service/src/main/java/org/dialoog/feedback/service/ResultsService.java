package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.feedback.Contribution;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownParty;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.TokenIssue;
import org.dialoog.feedback.events.EventTypes;
import org.dialoog.feedback.events.FeedbackEvents;
import org.dialoog.feedback.store.AnswerCounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A round's results, read from the pre-aggregated counters, and the FeedbackResultsUpdated event that carries them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResultsService {

    private final FeedbackAccess access;
    private final AnswerCounts counts;
    private final Outbox outbox;
    private final FrozenQuestionnaires frozen;

    ResultsService(FeedbackAccess access, AnswerCounts counts, Outbox outbox, FrozenQuestionnaires frozen) {
        this.access = access;
        this.counts = counts;
        this.outbox = outbox;
        this.frozen = frozen;
    }

    /** A published text answer; never attributed to a party. */
    public record Text(String questionKey, String text) {}

    /** What GET /feedback-rounds/{id}/results shows. */
    public record Results(
            UUID roundId,
            UUID engagementId,
            @Schema(nullable = true) @Nullable UUID sessionId,
            String state,
            String audience,
            long responses,
            @Schema(nullable = true) @Nullable Long tokensIssued,
            @Schema(nullable = true) @Nullable Double responseRate,
            int minGroupSize,
            boolean withheld,
            List<RoundAggregates.QuestionResult> questions,
            List<RoundAggregates.DimensionResult> dimensions,
            List<Party> parties,
            List<Text> texts) {}

    /** A party in the results, with its name from engagement events. */
    public record Party(
            UUID partyId,
            @Schema(nullable = true) @Nullable String name,
            boolean suppressed,
            @Schema(nullable = true) @Nullable Long responses,
            List<RoundAggregates.QuestionResult> questions,
            List<RoundAggregates.DimensionResult> dimensions) {}

    public Results of(UUID roundId, @Nullable String language) {
        FeedbackRound round = access.readableRound(roundId);
        RoundAggregates a = aggregates(round, language);
        boolean isPublic = "PUBLIC".equals(round.audience);
        Long issued = isPublic ? null : TokenIssue.count("roundId", round.id);
        Double rate = issued == null || issued == 0 ? null : (double) a.responses() / issued;
        List<Text> texts = a.withheld() || !access.mayReadTexts(round)
                ? List.of()
                : Contribution.<Contribution>list(
                                "roundId = ?1 and status = 'PUBLISHED'", Sort.ascending("questionKey", "id"), round.id)
                        .stream()
                        .map(c -> new Text(c.questionKey, c.text))
                        .toList();
        List<Party> parties = a.parties().stream()
                .map(p -> {
                    KnownParty known = KnownParty.findById(p.partyId());
                    return new Party(
                            p.partyId(),
                            known == null ? null : known.name,
                            p.suppressed(),
                            p.responses(),
                            p.questions(),
                            p.dimensions());
                })
                .toList();
        return new Results(
                round.id,
                round.engagementId,
                round.sessionId,
                round.state().name(),
                round.audience,
                a.responses(),
                issued,
                rate,
                round.minGroupSize,
                a.withheld(),
                a.questions(),
                a.dimensions(),
                parties,
                texts);
    }

    public RoundAggregates aggregates(FeedbackRound round, @Nullable String language) {
        List<Question> questions = frozen.questions(round.questionnaireId);
        List<UUID> parties = "PUBLIC".equals(round.audience)
                ? List.of()
                : KnownParty.<KnownParty>list("engagementId", round.engagementId).stream()
                        .map(p -> p.id)
                        .toList();
        return new RoundAggregates(questions, counts.of(round.id), round.minGroupSize, language, parties);
    }

    public long responses(UUID roundId) {
        return counts.responses(List.of(roundId)).getOrDefault(roundId, 0L);
    }

    /** Publishes FeedbackResultsUpdated for the round as it stands now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(FeedbackRound round) {
        RoundAggregates a = aggregates(round, null);
        var parties = a.parties().stream()
                .filter(p -> p.suppressed()
                        || Objects.requireNonNull(p.responses(), "a party that is not suppressed has its count") > 0)
                .map(p -> new FeedbackEvents.PartyDimensions(
                        p.partyId(), p.suppressed(), p.responses(), scores(p.dimensions())))
                .toList();
        outbox.record(
                EventTypes.RESULTS_UPDATED,
                round.engagementId,
                round.id,
                new FeedbackEvents.ResultsUpdated(
                        round.id,
                        round.engagementId,
                        round.sessionId,
                        round.tenant,
                        round.opensAt != null ? round.opensAt : round.createdAt,
                        round.state() == FeedbackRound.State.CLOSED,
                        a.responses(),
                        round.minGroupSize,
                        a.withheld(),
                        scores(a.dimensions()),
                        parties));
        round.resultsPublishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        round.publishedResponses = a.responses();
    }

    /** Publishes when responses arrived since the last FeedbackResultsUpdated; the publisher calls this per round. */
    @Transactional
    public void publishIfChanged(UUID roundId) {
        // the row lock orders this after a facilitator's change of the round (closing it) and before the next
        FeedbackRound round = FeedbackRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round != null && responses(roundId) != round.publishedResponses) {
            publish(round);
        }
    }

    private static List<FeedbackEvents.DimensionScore> scores(List<RoundAggregates.DimensionResult> dimensions) {
        return dimensions.stream()
                .map(d -> new FeedbackEvents.DimensionScore(
                        d.dimension(), d.answers(), d.mean(), d.ci95Low(), d.ci95High()))
                .toList();
    }
}
