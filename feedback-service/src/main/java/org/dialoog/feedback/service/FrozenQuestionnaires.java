package org.dialoog.feedback.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;

/**
 * The questions of the questionnaires rounds use. A questionnaire is frozen once a round uses it
 * and never changes after, so each replica reads its questions from the database once; every
 * response and every results request needs them.
 */
@ApplicationScoped
public class FrozenQuestionnaires {

    private static final int MAX_REMEMBERED = 1_000;

    private final Map<UUID, List<Question>> questions = new ConcurrentHashMap<>();

    /** Call within a transaction of the questionnaire's tenant (the round's). */
    public List<Question> questions(UUID questionnaireId) {
        List<Question> known = questions.get(questionnaireId);
        if (known != null) {
            return known;
        }
        Questionnaire q = Questionnaire.findById(questionnaireId);
        if (q.frozen) {
            if (questions.size() >= MAX_REMEMBERED) {
                questions.clear();
            }
            questions.put(questionnaireId, List.copyOf(q.questions));
        }
        return q.questions;
    }
}
