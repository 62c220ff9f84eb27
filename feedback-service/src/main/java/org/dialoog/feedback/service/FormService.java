package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownParty;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.RespondentToken;
import org.dialoog.feedback.store.PublicRounds;
import org.jspecify.annotations.Nullable;

/**
 * What a respondent without an account reads before answering: a round's form in the wanted
 * language, whether the token can still answer, and the parties a PARTY_TRUST question rates.
 * Reading never spends a token; a bad token is refused exactly as a response with it would be.
 */
@ApplicationScoped
@Transactional
public class FormService {

    /** Whether the respondent can answer now, and if not, why. */
    public enum AnswerState {
        /** The round is open and the token has not answered yet. */
        VALID,
        /** The round is open and the token already answered (a token answers once). */
        SPENT,
        /** A PUBLIC round, open: it takes responses without a token. */
        NO_TOKEN_NEEDED,
        /** The round opens later. */
        ROUND_NOT_YET_OPEN,
        /** The round is closed. */
        ROUND_CLOSED
    }

    /** A party a PARTY_TRUST answer may rate: any of the engagement's but the respondent's own. */
    public record RateableParty(UUID id, String name) {}

    /** The form as the respondent may see it. */
    public record Form(
            FeedbackRound round, Translations.Translated texts, AnswerState answerState, List<RateableParty> parties) {}

    /** Reads the form; runs for the round's tenant (see {@link PublicRounds}). */
    public Form read(PublicRounds.Facts facts, @Nullable String token, List<String> languages) {
        FeedbackRound round = FeedbackRound.findById(facts.roundId());
        if (round == null) {
            throw DomainException.notFound("Feedback round", facts.roundId());
        }
        Optional<RespondentToken> respondent = respondent(facts, token);
        Questionnaire questionnaire = Questionnaire.findById(facts.questionnaireId());
        Translations.Translated texts = Translations.of(questionnaire, languages);
        boolean ratesParties = texts.questions().stream().anyMatch(q -> q.type() == Question.QuestionType.PARTY_TRUST);
        List<RateableParty> parties = ratesParties && respondent.isPresent()
                ? rateable(round.engagementId, respondent.get().partyId)
                : List.of();
        return new Form(round, texts, state(round, respondent), parties);
    }

    /**
     * The round's token, checked as a response checks it (the same problems, so that reading the
     * form tells a prober nothing a response would not): none for a PUBLIC round (400 if sent),
     * required for the others (400 if absent), 403 when unknown, 409 when of another round.
     */
    private static Optional<RespondentToken> respondent(PublicRounds.Facts facts, @Nullable String token) {
        if (facts.isPublic()) {
            if (token != null) {
                throw DomainException.invalid(
                        FormHeaders.RESPONDENT_TOKEN, "a PUBLIC round is answered without a token; send none");
            }
            return Optional.empty();
        }
        if (token == null || token.isBlank()) {
            throw DomainException.invalid(
                    FormHeaders.RESPONDENT_TOKEN, "this round is answered only with a respondent token");
        }
        Optional<RespondentToken> found = RespondentToken.<RespondentToken>find(
                        "tokenHash", TokenService.hash(token.strip()))
                .firstResultOptional();
        if (found.isEmpty() || !found.get().roundId.equals(facts.roundId())) {
            throw RoundRules.tokenRefused(facts.roundId(), found.map(t -> t.roundId));
        }
        return found;
    }

    private static AnswerState state(FeedbackRound round, Optional<RespondentToken> respondent) {
        return switch (round.state(OffsetDateTime.now(ZoneOffset.UTC))) {
            case SCHEDULED -> AnswerState.ROUND_NOT_YET_OPEN;
            case CLOSED -> AnswerState.ROUND_CLOSED;
            case OPEN ->
                respondent.isEmpty()
                        ? AnswerState.NO_TOKEN_NEEDED
                        : respondent.get().used ? AnswerState.SPENT : AnswerState.VALID;
        };
    }

    /** An open PUBLIC round and its questionnaire's title in the wanted language. */
    public record OpenRound(FeedbackRound round, Translations.Translated texts) {}

    /**
     * The engagement's PUBLIC rounds that are open now, soonest closing first (rounds without an end
     * last); runs for the engagement's tenant (see {@link PublicRounds#tenantOfEngagement}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<OpenRound> openPublicRounds(UUID engagementId, List<String> languages, int page, int pageSize) {
        var query = FeedbackRound.<FeedbackRound>find(
                """
                engagementId = ?1 and audience = ?2 and closedAt is null
                and (opensAt is null or opensAt <= ?3) and (closesAt is null or closesAt > ?3)""",
                Sort.by("closesAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                        .and("id"),
                engagementId,
                FeedbackRound.Audience.PUBLIC.name(),
                OffsetDateTime.now(ZoneOffset.UTC));
        List<OpenRound> items = query.page(Page.of(page - 1, pageSize)).list().stream()
                .map(r -> new OpenRound(r, Translations.of(Questionnaire.findById(r.questionnaireId), languages)))
                .toList();
        return new Paging.Page<>(items, page, pageSize, query.count());
    }

    private static List<RateableParty> rateable(UUID engagementId, UUID ownParty) {
        return KnownParty.<KnownParty>list(
                        "engagementId", Sort.ascending("name").and("id"), engagementId)
                .stream()
                .filter(p -> !p.id.equals(ownParty))
                .map(p -> new RateableParty(p.id, p.name))
                .toList();
    }
}
