package org.dialoog.engagement.service;

import org.dialoog.engagement.EngagementKind;
import org.dialoog.engagement.EngagementStatus;
import org.dialoog.engagement.Objective;
import org.dialoog.engagement.Phase;

/** The filters and sort order of the engagement list; every field is optional. */
public record EngagementQuery(EngagementStatus status, EngagementKind kind, Phase phase, Objective objective,
                              String facilitator, String text, String sort) {
}
