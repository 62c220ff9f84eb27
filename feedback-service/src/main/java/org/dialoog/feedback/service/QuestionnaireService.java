package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.store.AnswerCounts;
import org.jspecify.annotations.Nullable;

/** Questionnaires: creating, changing (in place or as a new version, see {@link Questionnaire}), freezing for a round, listing. */
@ApplicationScoped
@Transactional
public class QuestionnaireService {

    private final BuiltInQuestionnaires builtIns;

    QuestionnaireService(BuiltInQuestionnaires builtIns) {
        this.builtIns = builtIns;
    }

    public Questionnaire create(QuestionnaireContent content) {
        check(content);
        Questionnaire q = Questionnaire.firstVersion();
        fill(q, content);
        q.persist();
        return q;
    }

    /** The outcome of a change: the questionnaire that now holds it, and whether it is a new version. */
    public record Changed(Questionnaire questionnaire, boolean newVersion) {}

    public Changed update(UUID id, @Nullable Long expectedVersion, QuestionnaireContent content) {
        Questionnaire current = find(id);
        if (expectedVersion != null && expectedVersion != current.version) {
            throw DomainException.staleVersion(expectedVersion, current.version);
        }
        current.checkChangeable();
        check(content);
        if (current.changesInPlace()) {
            fill(current, content);
            Questionnaire.flush();
            return new Changed(current, false);
        }
        Questionnaire next = current.supersede();
        fill(next, content);
        next.persist();
        return new Changed(next, true);
    }

    /** Freezes a questionnaire for a round; a superseded version is refused so new rounds use the newest. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Questionnaire freezeForRound(UUID id) {
        builtIns.ensure();
        Questionnaire q = Questionnaire.findById(id);
        if (q == null) {
            throw DomainException.invalid("questionnaireId", "no questionnaire " + id);
        }
        q.freezeForRound();
        return q;
    }

    public Questionnaire find(UUID id) {
        builtIns.ensure();
        Questionnaire q = Questionnaire.findById(id);
        if (q == null) {
            throw DomainException.notFound("Questionnaire", id);
        }
        return q;
    }

    public Paging.Page<Questionnaire> list(
            Questionnaire.Purpose purpose, boolean includeSuperseded, int page, int pageSize) {
        builtIns.ensure();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (purpose != null) {
            where.add("purpose = :purpose");
            params.put("purpose", purpose.name());
        }
        if (!includeSuperseded) {
            where.add("supersededBy is null");
        }
        var q = Questionnaire.<Questionnaire>find(
                where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.ascending("builtIn")
                        .and("createdAt", Sort.Direction.Descending)
                        .and("id"),
                params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    private static void fill(Questionnaire q, QuestionnaireContent r) {
        q.title = r.title().strip();
        q.purpose = r.purpose().name();
        q.questions = List.copyOf(r.questions());
        q.titleTranslations = r.titleTranslations() == null ? Map.of() : Map.copyOf(r.titleTranslations());
        q.createdAt = q.createdAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : q.createdAt;
    }

    private static void check(QuestionnaireContent r) {
        List<DomainException.FieldError> errors = checkQuestions(r.questions());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** Rules a question must keep that bean validation cannot express; every broken one is reported. */
    static List<DomainException.FieldError> checkQuestions(List<Question> questions) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int partyTrust = 0;
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "]";
            if (!keys.add(q.key())) {
                errors.add(new DomainException.FieldError(at + ".key", "duplicate key '" + q.key() + "'"));
            }
            switch (q.type()) {
                case SCALE -> checkScale(q, at, errors);
                case PARTY_TRUST -> {
                    checkScale(q, at, errors);
                    if (q.dimension() != null && q.dimension() != Question.Dimension.TRUST) {
                        errors.add(new DomainException.FieldError(
                                at + ".dimension", "a PARTY_TRUST question measures TRUST"));
                    }
                    if (++partyTrust > 1) {
                        errors.add(new DomainException.FieldError(
                                at + ".type", "a questionnaire has at most one PARTY_TRUST question"));
                    }
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    if (q.options() == null || q.options().size() < 2) {
                        errors.add(new DomainException.FieldError(
                                at + ".options", "a choice question needs at least two options"));
                    } else if (q.options().contains(AnswerCounts.ANSWERED)) {
                        errors.add(new DomainException.FieldError(
                                at + ".options",
                                "\"" + AnswerCounts.ANSWERED + "\" is reserved; choose another option text"));
                    } else if (new HashSet<>(q.options()).size() != q.options().size()) {
                        errors.add(new DomainException.FieldError(at + ".options", "options must differ"));
                    }
                    if (q.dimension() != null) {
                        errors.add(new DomainException.FieldError(
                                at + ".dimension", "only SCALE and PARTY_TRUST questions measure a dimension"));
                    }
                }
                case TEXT -> {
                    if (q.dimension() != null) {
                        errors.add(new DomainException.FieldError(
                                at + ".dimension", "only SCALE and PARTY_TRUST questions measure a dimension"));
                    }
                }
            }
        }
        return errors;
    }

    private static void checkScale(Question q, String at, List<DomainException.FieldError> errors) {
        if (q.min() == null || q.max() == null || q.min() >= q.max()) {
            errors.add(new DomainException.FieldError(at + ".max", "a " + q.type() + " question needs min < max"));
        } else if (q.max() - q.min() > 100) {
            errors.add(new DomainException.FieldError(at + ".max", "a scale has at most 101 points"));
        }
    }
}
