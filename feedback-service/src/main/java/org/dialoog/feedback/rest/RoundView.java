package org.dialoog.feedback.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.dialoog.feedback.FeedbackRound;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feedback round as the API shows it. */
@Schema(name = "FeedbackRound")
public record RoundView(UUID id, UUID engagementId, UUID sessionId, UUID questionnaireId, RoundRequest.Audience audience,
                        OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime closedAt,
                        @Schema(examples = "OPEN") String state, long version, OffsetDateTime createdAt) {

    public static RoundView of(FeedbackRound r) {
        OffsetDateTime now = OffsetDateTime.now();
        String state = r.closedAt != null || (r.closesAt != null && !now.isBefore(r.closesAt)) ? "CLOSED"
                : r.opensAt != null && now.isBefore(r.opensAt) ? "SCHEDULED" : "OPEN";
        return new RoundView(r.id, r.engagementId, r.sessionId, r.questionnaireId, RoundRequest.Audience.valueOf(r.audience),
                r.opensAt, r.closesAt, r.closedAt, state, r.version, r.createdAt);
    }
}
