package org.dialoog.engagement.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.AgreementAnswer;
import org.jspecify.annotations.Nullable;

/**
 * When an agreement is carried (ADR 0010, strict reading): every concerned party consents, with or
 * without a concern. One objection sends it back for amendment; an abstention, or a party that has not
 * answered, keeps it pending — a party that stands aside does not carry it.
 */
public final class AgreementRules {

    private AgreementRules() {}

    /** The state that the answers to the current version give; a withdrawn agreement stays withdrawn. */
    public static Agreement.State stateOf(
            Agreement.State current, Collection<UUID> concerned, Map<UUID, AgreementAnswer.Decision> answers) {
        if (current == Agreement.State.WITHDRAWN) {
            return current;
        }
        if (answers.containsValue(AgreementAnswer.Decision.OBJECTION)) {
            return Agreement.State.OBJECTED;
        }
        boolean everyoneConsents = !concerned.isEmpty()
                && concerned.stream().allMatch(p -> {
                    AgreementAnswer.Decision d = answers.get(p);
                    return d != null && d.consents();
                });
        return everyoneConsents ? Agreement.State.CARRIED : Agreement.State.PENDING;
    }

    /** Why a party cannot answer now, or null when it can. */
    public static @Nullable String refusalToAnswer(Agreement.State state) {
        return switch (state) {
            case PENDING -> null;
            case OBJECTED ->
                "This version was objected to; amend the agreement and the parties answer the new version.";
            case CARRIED -> "The agreement is carried; a change is a new agreement.";
            case WITHDRAWN -> "The agreement was withdrawn.";
        };
    }
}
