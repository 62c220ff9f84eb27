package org.dialoog.feedback.service;

import java.util.List;
import java.util.Map;

import org.dialoog.feedback.Question;
import org.dialoog.feedback.Questionnaire;
import org.jspecify.annotations.Nullable;

/** What a facilitator writes of a questionnaire: all of it on creation, and all of it again after a change. */
public record QuestionnaireContent(
        String title,
        Questionnaire.Purpose purpose,
        List<Question> questions,
        @Nullable Map<String, String> titleTranslations) {}
