package org.dialoog.engagement.service;

import org.dialoog.engagement.AgreementAnswer;
import org.jspecify.annotations.Nullable;

/** A party's answer; {@code number} is the version the party answered, checked against the current one. */
public record AnswerDetails(
        AgreementAnswer.Decision decision,
        @Nullable String reason,
        @Nullable Integer number) {}
