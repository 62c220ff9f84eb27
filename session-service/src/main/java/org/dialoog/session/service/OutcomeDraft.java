package org.dialoog.session.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.ActionStatus;
import org.dialoog.session.Decision;
import org.dialoog.session.OpenQuestion;
import org.dialoog.session.OutcomeNote;
import org.jspecify.annotations.Nullable;

/**
 * A session outcome as a whole, to replace the current one: the command {@link OutcomeService#record}
 * takes. The request that carried it was validated field by field; which actions and parties exist is
 * the service's to check.
 */
public record OutcomeDraft(
        List<OutcomeNote> notes, List<Decision> decisions, List<OpenQuestion> openQuestions, List<Action> actions) {

    /** One action item: with the id of an action of the current record it updates that one, without it is new. */
    public record Action(
            @Nullable UUID id,
            String what,
            UUID ownerPartyId,
            @Nullable LocalDate dueDate,
            ActionStatus status) {}

    /** One action's status and due date, changed without rewriting the rest of the record. */
    public record ActionChange(
            ActionStatus status, @Nullable LocalDate dueDate) {}
}
