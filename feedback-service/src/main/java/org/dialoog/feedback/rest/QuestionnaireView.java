package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A questionnaire as the API shows it. */
@Schema(name = "Questionnaire")
public record QuestionnaireView(UUID id, String title, QuestionnaireRequest.Purpose purpose, List<Question> questions,
                                long version, OffsetDateTime createdAt) {

    public static QuestionnaireView of(Questionnaire q) {
        return new QuestionnaireView(q.id, q.title, QuestionnaireRequest.Purpose.valueOf(q.purpose), q.questions, q.version, q.createdAt);
    }
}
