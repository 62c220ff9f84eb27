package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.dialoog.feedback.FeedbackRound;
import org.jspecify.annotations.Nullable;

/**
 * A feedback round a facilitator opens: a questionnaire, for an audience of an engagement (or of one
 * session), for a period; its tokens by mail or by hand (null: MAIL, MANUAL for a PUBLIC round).
 */
public record NewRound(
        UUID engagementId,
        @Nullable UUID sessionId,
        UUID questionnaireId,
        FeedbackRound.Audience audience,
        @Nullable OffsetDateTime opensAt,
        @Nullable OffsetDateTime closesAt,
        FeedbackRound.@Nullable Delivery delivery) {}
