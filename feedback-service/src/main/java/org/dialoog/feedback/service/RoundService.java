package org.dialoog.feedback.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.EngagementCopies;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.feedback.EngagementSettings;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownEngagement;
import org.dialoog.feedback.KnownSession;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.events.EventTypes;
import org.dialoog.feedback.events.FeedbackEvents;
import org.dialoog.feedback.store.RoundSearch;
import org.jspecify.annotations.Nullable;

/** Feedback rounds: opening, closing, and the evaluation round a completed session opens by itself. */
@ApplicationScoped
@Transactional
public class RoundService {

    private final Outbox outbox;
    private final FeedbackAccess access;
    private final QuestionnaireService questionnaires;
    private final ResultsService results;
    private final RoundSearch search;
    private final RoundMailing mailing;

    RoundService(
            Outbox outbox,
            FeedbackAccess access,
            QuestionnaireService questionnaires,
            ResultsService results,
            RoundSearch search,
            RoundMailing mailing) {
        this.outbox = outbox;
        this.access = access;
        this.questionnaires = questionnaires;
        this.results = results;
        this.search = search;
        this.mailing = mailing;
    }

    public FeedbackRound open(NewRound r) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (r.opensAt() != null && r.closesAt() != null && !r.closesAt().isAfter(r.opensAt())) {
            errors.add(new DomainException.FieldError("closesAt", "must be after opensAt"));
        } else if (r.closesAt() != null && !r.closesAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            errors.add(new DomainException.FieldError("closesAt", "must be in the future"));
        }
        if (r.audience() == FeedbackRound.Audience.ATTENDEES && r.sessionId() == null) {
            errors.add(new DomainException.FieldError("sessionId", "an ATTENDEES round belongs to a session"));
        }
        boolean isPublic = r.audience() == FeedbackRound.Audience.PUBLIC;
        if (isPublic && r.delivery() == FeedbackRound.Delivery.MAIL) {
            errors.add(new DomainException.FieldError(
                    "delivery", "a PUBLIC round has no audience to mail; it takes responses without tokens"));
        }
        if (r.sessionId() != null) {
            KnownSession s = KnownSession.findById(r.sessionId());
            if (s == null || !s.engagementId.equals(r.engagementId())) {
                errors.add(new DomainException.FieldError(
                        "sessionId", "no session " + r.sessionId() + " of this engagement is known here"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        KnownEngagement engagement = access.writableEngagement(r.engagementId());
        var questionnaire = questionnaires.freezeForRound(r.questionnaireId());
        if (isPublic && questionnaire.questions.stream().anyMatch(q -> q.type() == Question.QuestionType.PARTY_TRUST)) {
            throw DomainException.invalid(
                    "questionnaireId",
                    "a PUBLIC round has no respondent party, so it cannot ask a PARTY_TRUST question; "
                            + "choose PARTICIPANTS or ATTENDEES");
        }
        EngagementCopies.requireActive(
                engagement.id, engagement.status, "feedback rounds open only for an ACTIVE engagement");
        return open(
                r.engagementId(),
                r.sessionId(),
                questionnaire.id,
                r.audience().name(),
                r.opensAt(),
                r.closesAt(),
                r.delivery() != null
                        ? r.delivery()
                        : isPublic ? FeedbackRound.Delivery.MANUAL : FeedbackRound.Delivery.MAIL,
                false);
    }

    private FeedbackRound open(
            UUID engagementId,
            @Nullable UUID sessionId,
            UUID questionnaireId,
            String audience,
            @Nullable OffsetDateTime opensAt,
            @Nullable OffsetDateTime closesAt,
            FeedbackRound.Delivery delivery,
            boolean automatic) {
        FeedbackRound round = new FeedbackRound();
        round.id = UUID.randomUUID();
        round.engagementId = engagementId;
        round.sessionId = sessionId;
        round.questionnaireId = questionnaireId;
        round.audience = audience;
        round.opensAt = opensAt;
        round.closesAt = closesAt;
        round.minGroupSize = settings(engagementId).minGroupSize;
        round.automatic = automatic;
        round.delivery = delivery.name();
        round.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        // a round that opens now is mailed now, in this transaction; a later one by RoundMailer when it opens
        boolean mailNow = mailing.due(round, round.createdAt);
        if (mailNow) {
            round.mailedAt = round.createdAt;
        }
        round.persistAndFlush(); // the tenant column is filled at the insert, and the event carries it
        outbox.record(EventTypes.ROUND_OPENED, round.engagementId, round.id, FeedbackEvents.RoundOpened.of(round));
        if (mailNow) {
            mailing.mail(round);
        }
        return round;
    }

    /**
     * A session completed: when the engagement asks for it, its attendees get an evaluation round
     * with the built-in session evaluation, open for a week. Runs in the consumer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionCompleted(UUID engagementId, UUID sessionId, String tenant) {
        mailRoundsWaitingForAttendance(sessionId);
        EngagementSettings s = EngagementSettings.findById(engagementId);
        if (s == null
                || !s.autoSessionEvaluation
                || FeedbackRound.count("sessionId = ?1 and automatic = true", sessionId) > 0) {
            return;
        }
        UUID questionnaire = questionnaires.freezeForRound(
                        BuiltInQuestionnaires.idFor(tenant, BuiltInQuestionnaires.SESSION_EVALUATION))
                .id;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        open(
                engagementId,
                sessionId,
                questionnaire,
                FeedbackRound.Audience.ATTENDEES.name(),
                now,
                now.plusDays(7),
                FeedbackRound.Delivery.MAIL,
                true);
    }

    /**
     * ATTENDEES rounds a facilitator opened before the session completed waited for its attendance:
     * mailed now, in the consumer's transaction, under their row locks (as the job would).
     */
    private void mailRoundsWaitingForAttendance(UUID sessionId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<FeedbackRound> waiting = FeedbackRound.<FeedbackRound>find(
                        "sessionId = ?1 and delivery = ?2 and mailedAt is null",
                        sessionId,
                        FeedbackRound.Delivery.MAIL.name())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        for (FeedbackRound round : waiting) {
            if (mailing.due(round, now)) {
                round.mailedAt = now;
                mailing.mail(round);
            }
        }
    }

    public FeedbackRound close(UUID id, @Nullable Long expectedVersion) {
        // locked before it is read: the results publisher updates the same row (ResultsService.publishIfChanged)
        FeedbackRound.findById(id, LockModeType.PESSIMISTIC_WRITE);
        FeedbackRound round = access.writableRound(id);
        DomainException.requireVersion(expectedVersion, round.version);
        RoundRules.checkClosable(round, OffsetDateTime.now(ZoneOffset.UTC));
        round.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        FeedbackRound.flush();
        outbox.record(
                EventTypes.ROUND_CLOSED,
                round.engagementId,
                round.id,
                FeedbackEvents.RoundClosed.of(round, results.responses(round.id)));
        results.publish(round);
        return round;
    }

    /**
     * The mailing job's step for one round: mails it if it is still due. The row lock makes a second
     * replica running the same step wait, then find the round mailed.
     *
     * @return how many were mailed
     */
    public int mailIfDue(UUID roundId) {
        FeedbackRound round = FeedbackRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (round == null || !mailing.due(round, now)) {
            return 0;
        }
        round.mailedAt = now;
        return mailing.mail(round);
    }

    /** The mailing job's step for the automatic reminder before closesAt: once per round, under its row lock. */
    public int remindBeforeCloseIfDue(UUID roundId, Duration before) {
        FeedbackRound round = FeedbackRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (round == null
                || round.autoRemindedAt != null
                || round.mailedAt == null
                || round.closesAt == null
                || round.state(now) != FeedbackRound.State.OPEN
                || now.plus(before).isBefore(round.closesAt)) {
            return 0;
        }
        round.autoRemindedAt = now;
        return mailing.remind(round, now);
    }

    /** The outcome of a reminder: how many participants were asked again, and when. */
    public record Reminder(FeedbackRound round, int asked, OffsetDateTime at) {}

    /**
     * A facilitator asks everyone who was issued a token again (without a link), while the round is
     * open (409) and at most once per {@code reminder-gap} (429 with Retry-After).
     */
    public Reminder remind(UUID roundId) {
        FeedbackRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
        FeedbackRound round = access.writableRound(roundId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        RoundRules.checkRemindable(round, now, mailing.reminderGap());
        return new Reminder(round, mailing.remind(round, now), now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackRound find(UUID id) {
        return access.readableRound(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<FeedbackRound> list(
            @Nullable UUID engagementId, @Nullable UUID sessionId, int page, int pageSize) {
        return search.page(access.listScope(), engagementId, sessionId, page, pageSize);
    }

    /** The engagement's settings, or the defaults (no automatic evaluation, k = 5). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EngagementSettings settings(UUID engagementId) {
        EngagementSettings s = EngagementSettings.findById(engagementId);
        if (s == null) {
            s = new EngagementSettings();
            s.engagementId = engagementId;
            s.minGroupSize = EngagementSettings.DEFAULT_MIN_GROUP_SIZE;
        }
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EngagementSettings readableSettings(UUID engagementId) {
        access.readableEngagement(engagementId);
        return settings(engagementId);
    }

    public EngagementSettings changeSettings(
            UUID engagementId, @Nullable Long expectedVersion, boolean autoSessionEvaluation, int minGroupSize) {
        access.readableEngagement(engagementId);
        access.writableEngagement(engagementId);
        EngagementSettings s = EngagementSettings.findById(engagementId);
        if (s != null && expectedVersion != null && expectedVersion != s.version) {
            throw DomainException.staleVersion(expectedVersion, s.version);
        }
        if (s == null) {
            s = new EngagementSettings();
            s.engagementId = engagementId;
            s.autoSessionEvaluation = autoSessionEvaluation;
            s.minGroupSize = minGroupSize;
            s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            s.persist();
            return s;
        }
        s.autoSessionEvaluation = autoSessionEvaluation;
        s.minGroupSize = minGroupSize;
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        EngagementSettings.flush();
        return s;
    }
}
