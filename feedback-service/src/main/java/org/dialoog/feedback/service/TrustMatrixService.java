package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownParty;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.store.TrustCounts;

/** The party × party trust matrix of a round (see {@link TrustMatrix}) and its course over an engagement's rounds. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrustMatrixService {

    private final FeedbackAccess access;
    private final FrozenQuestionnaires frozen;
    private final TrustCounts counts;

    TrustMatrixService(FeedbackAccess access, FrozenQuestionnaires frozen, TrustCounts counts) {
        this.access = access;
        this.frozen = frozen;
        this.counts = counts;
    }

    /** The round's matrix; 404 for a round the caller cannot see or one that asked no PARTY_TRUST question. */
    public TrustMatrix ofRound(UUID roundId) {
        FeedbackRound round = access.readableRound(roundId);
        Question question = partyTrust(round)
                .orElseThrow(() -> new DomainException(
                        404,
                        "Not Found",
                        "Feedback round " + roundId
                                + " asks no PARTY_TRUST question, so it has no trust matrix; rounds with the built-in "
                                + "questionnaire party-trust have one."));
        List<TrustCounts.Count> c = counts.of(List.of(round.id));
        return matrix(round, question, c, TrustMatrix.parties(partyNames(round.engagementId), c));
    }

    /** The matrices of every round of the engagement that asked a PARTY_TRUST question, oldest first. */
    public TrustInsights ofEngagement(UUID engagementId) {
        access.readableEngagement(engagementId);
        List<FeedbackRound> rounds = FeedbackRound.<FeedbackRound>list("engagementId", engagementId).stream()
                .filter(r -> partyTrust(r).isPresent())
                .sorted(Comparator.comparing(TrustMatrixService::startedAt).thenComparing(r -> r.id.toString()))
                .toList();
        List<TrustCounts.Count> c = counts.of(rounds.stream().map(r -> r.id).toList());
        List<TrustMatrix.Party> parties = TrustMatrix.parties(partyNames(engagementId), c);
        List<TrustMatrix> matrices = rounds.stream()
                .map(r -> matrix(r, partyTrust(r).orElseThrow(), c, parties))
                .toList();
        return TrustInsights.of(engagementId, matrices, parties);
    }

    private static TrustMatrix matrix(
            FeedbackRound round, Question question, List<TrustCounts.Count> c, List<TrustMatrix.Party> parties) {
        return new TrustMatrix(
                round.id,
                round.engagementId,
                round.sessionId,
                startedAt(round),
                round.state().name(),
                question.key(),
                round.minGroupSize,
                parties,
                TrustMatrix.cells(round.id, parties, c, question, round.minGroupSize));
    }

    /** The round's PARTY_TRUST question: a questionnaire has at most one. */
    private Optional<Question> partyTrust(FeedbackRound round) {
        return frozen.questions(round.questionnaireId).stream()
                .filter(q -> q.type() == Question.QuestionType.PARTY_TRUST)
                .findFirst();
    }

    private static Map<UUID, String> partyNames(UUID engagementId) {
        Map<UUID, String> names = new HashMap<>();
        KnownParty.<KnownParty>list("engagementId", engagementId).forEach(p -> names.put(p.id, p.name));
        return names;
    }

    private static OffsetDateTime startedAt(FeedbackRound r) {
        return r.opensAt != null ? r.opensAt : r.createdAt;
    }
}
