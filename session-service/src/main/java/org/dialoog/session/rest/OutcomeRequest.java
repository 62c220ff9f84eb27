package org.dialoog.session.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.session.ActionStatus;
import org.dialoog.session.Decision;
import org.dialoog.session.OpenQuestion;
import org.dialoog.session.OutcomeNote;
import org.dialoog.session.service.OutcomeDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A session's outcome as a whole, replacing the current one. */
@Schema(
        name = "OutcomeRequest",
        description =
                "The whole record of a session: what is left out is no longer part of it. A list that is absent or "
                        + "null is empty.")
public record OutcomeRequest(
        @Size(max = 100)
        @Schema(description = "Notes per agenda item of the session (at most 100)", nullable = true)
        @Nullable
        List<@NotNull @Valid OutcomeNote> notes,

        @Size(max = 100) @Schema(description = "Decisions the session took (at most 100)", nullable = true) @Nullable
        List<@NotNull @Valid Decision> decisions,

        @Size(max = 100)
        @Schema(description = "Questions the session left open (at most 100)", nullable = true)
        @Nullable
        List<@NotNull @Valid OpenQuestion> openQuestions,

        @Size(max = 100)
        @Schema(
                description = "Action items (at most 100). One with the id of an action of the current record updates "
                        + "it; one without an id is new; an action of the current record left out is removed.",
                nullable = true)
        @Nullable
        List<@NotNull @Valid ActionRequest> actions) {

    /** One action item of the record. */
    @Schema(name = "ActionRequest", description = "An action item: what is to be done, by which party, by when")
    public record ActionRequest(
            @Schema(
                    description = "The id of an action of the current record, to update it; absent or null for a new "
                            + "action (the answer gives it an id that stays across versions)",
                    examples = "3f2b8c1d-7e6a-4b5c-9d8e-0a1b2c3d4e5f",
                    nullable = true)
            @Nullable
            UUID id,

            @NotBlank
            @Size(max = 1000)
            @Schema(
                    description = "What is to be done, free text",
                    examples = "Ask the council for a budget for bicycle racks")
            String what,

            @NotNull
            @Schema(
                    description = "The party of the engagement that owns the action (engagement-service's party id)",
                    examples = "6f1c2d8e-3b4a-4c5d-9e8f-1a2b3c4d5e6f")
            UUID ownerPartyId,

            @Schema(
                    description = "When it is due (a date); absent or null for none",
                    examples = "2026-04-01",
                    nullable = true)
            @Nullable
            LocalDate dueDate,

            @NotNull @Schema(description = "Where the action stands", examples = "OPEN")
            ActionStatus status) {

        OutcomeDraft.Action toDraft() {
            return new OutcomeDraft.Action(id, what, ownerPartyId, dueDate, status);
        }
    }

    /** One action's status and due date: what PATCH …/actions/{actionId} patches. */
    @Schema(name = "ActionChangeRequest", description = "An action item's status and due date")
    public record ActionChangeRequest(
            @NotNull @Schema(description = "Where the action stands", examples = "DONE")
            ActionStatus status,

            @Schema(description = "When it is due (a date); null for none", examples = "2026-04-15", nullable = true)
            @Nullable
            LocalDate dueDate) {

        OutcomeDraft.ActionChange toChange() {
            return new OutcomeDraft.ActionChange(status, dueDate);
        }
    }

    /** The service's command for these (validated) fields. */
    OutcomeDraft toDraft() {
        return new OutcomeDraft(
                notes == null ? List.of() : notes,
                decisions == null ? List.of() : decisions,
                openQuestions == null ? List.of() : openQuestions,
                actions == null
                        ? List.of()
                        : actions.stream().map(ActionRequest::toDraft).toList());
    }
}
