package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.messaging.EventTypes;
import org.dialoog.feedback.messaging.Outbox;
import org.dialoog.feedback.rest.Pages;
import org.dialoog.feedback.rest.QuestionnaireRequest;
import org.dialoog.feedback.rest.RoundRequest;

/** Questionnaires and the rounds that open them to an audience. */
@ApplicationScoped
@Transactional
public class FeedbackService {

    private final Outbox outbox;

    FeedbackService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Questionnaire createQuestionnaire(QuestionnaireRequest r) {
        List<DomainException.FieldError> errors = checkQuestions(r.questions());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.title = r.title().strip();
        q.purpose = r.purpose().name();
        q.questions = List.copyOf(r.questions());
        q.createdAt = OffsetDateTime.now();
        q.persist();
        return q;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Questionnaire> questionnaire(UUID id) {
        return Questionnaire.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pages.Page<Questionnaire> questionnaires(int page, int pageSize) {
        var q = Questionnaire.<Questionnaire>findAll(Sort.descending("createdAt").and("id"));
        return new Pages.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    public FeedbackRound openRound(RoundRequest r) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (Questionnaire.findById(r.questionnaireId()) == null) {
            errors.add(new DomainException.FieldError("questionnaireId", "no questionnaire " + r.questionnaireId()));
        }
        if (r.opensAt() != null && r.closesAt() != null && !r.closesAt().isAfter(r.opensAt())) {
            errors.add(new DomainException.FieldError("closesAt", "must be after opensAt"));
        }
        if (r.audience() == RoundRequest.Audience.ATTENDEES && r.sessionId() == null) {
            errors.add(new DomainException.FieldError("sessionId", "an ATTENDEES round belongs to a session"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        FeedbackRound round = new FeedbackRound();
        round.id = UUID.randomUUID();
        round.engagementId = r.engagementId();
        round.sessionId = r.sessionId();
        round.questionnaireId = r.questionnaireId();
        round.audience = r.audience().name();
        round.opensAt = r.opensAt();
        round.closesAt = r.closesAt();
        round.createdAt = OffsetDateTime.now();
        round.persist();
        outbox.record(EventTypes.ROUND_OPENED, round.engagementId, round.id, new RoundOpened(round.id, round.engagementId,
                round.sessionId, round.tenant, round.audience, round.opensAt, round.closesAt));
        return round;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FeedbackRound> round(UUID id) {
        return FeedbackRound.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pages.Page<FeedbackRound> rounds(UUID engagementId, int page, int pageSize) {
        var q = engagementId == null
                ? FeedbackRound.<FeedbackRound>findAll(Sort.descending("createdAt").and("id"))
                : FeedbackRound.<FeedbackRound>find("engagementId", Sort.descending("createdAt").and("id"), engagementId);
        return new Pages.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    /** The payload of FeedbackRoundOpened. */
    public record RoundOpened(UUID roundId, UUID engagementId, UUID sessionId, String tenant, String audience,
                              OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    /** Rules a question must keep that bean validation cannot express; every broken one is reported. */
    static List<DomainException.FieldError> checkQuestions(List<Question> questions) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "]";
            if (!keys.add(q.key())) {
                errors.add(new DomainException.FieldError(at + ".key", "duplicate key '" + q.key() + "'"));
            }
            switch (q.type()) {
                case SCALE -> {
                    if (q.min() == null || q.max() == null || q.min() >= q.max()) {
                        errors.add(new DomainException.FieldError(at + ".max", "a SCALE question needs min < max"));
                    }
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    if (q.options() == null || q.options().size() < 2) {
                        errors.add(new DomainException.FieldError(at + ".options", "a choice question needs at least two options"));
                    }
                }
                case TEXT -> {
                    if (q.dimension() != null) {
                        errors.add(new DomainException.FieldError(at + ".dimension", "a TEXT question measures no dimension"));
                    }
                }
            }
        }
        return errors;
    }
}
