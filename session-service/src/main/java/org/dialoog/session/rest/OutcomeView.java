package org.dialoog.session.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dialoog.session.ActionStatus;
import org.dialoog.session.Decision;
import org.dialoog.session.OpenQuestion;
import org.dialoog.session.OutcomeAction;
import org.dialoog.session.OutcomeNote;
import org.dialoog.session.service.OutcomeService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A session's outcome as the API shows it. */
@Schema(name = "Outcome", description = "What a session produced: its record, one version of it")
public record OutcomeView(
        @Schema(description = "The session the record is of")
        UUID sessionId,

        @Schema(description = "The session's engagement") UUID engagementId,

        @Schema(description = "1 for the first record, one more for every write; the ETag carries it", examples = "3")
        long version,

        @Schema(description = "Notes per agenda item, in the order written")
        List<NoteView> notes,

        @Schema(description = "Decisions the session took") List<Decision> decisions,

        @Schema(description = "Questions the session left open")
        List<OpenQuestion> openQuestions,

        @Schema(description = "Action items, in the order written")
        List<ActionView> actions,

        @Schema(
                description =
                        "The users (token subjects) who wrote versions of the record, in the order of their first write",
                examples = "[\"fac-anna\",\"fac-carla\"]")
        List<String> authors,

        @Schema(description = "When the first version was written")
        OffsetDateTime createdAt,

        @Schema(description = "When this version was written")
        OffsetDateTime updatedAt) {

    static OutcomeView of(OutcomeService.Current c) {
        LocalDate today = OutcomeService.today();
        Set<String> agenda = c.session().agenda == null
                ? Set.of()
                : c.session().agenda.stream().map(a -> a.title().strip()).collect(Collectors.toSet());
        return new OutcomeView(
                c.outcome().sessionId,
                c.outcome().engagementId,
                c.outcome().version,
                c.outcome().notes.stream().map(n -> NoteView.of(n, agenda)).toList(),
                c.outcome().decisions,
                c.outcome().openQuestions,
                c.actions().stream().map(a -> ActionView.of(a, today)).toList(),
                List.of(c.outcome().authors),
                c.outcome().createdAt,
                c.outcome().updatedAt);
    }

    /** Notes on one agenda item, and whether the session's agenda has that item. */
    @Schema(
            name = "OutcomeNoteView",
            description = "Notes on one agenda item of the session, or on the session as a whole")
    public record NoteView(
            @Schema(
                    description = "The title of the agenda item the notes are about; null for the session as a whole",
                    examples = "Check-in",
                    nullable = true)
            @Nullable
            String agendaItem,

            @Schema(
                    description = "Whether the session's agenda (as it is now) has an item of that title; false for "
                            + "notes on the session as a whole")
            boolean onAgenda,

            @Schema(description = "The notes, free text", examples = "Everyone named what they hope for.")
            String text) {

        static NoteView of(OutcomeNote n, Set<String> agenda) {
            String item = n.agendaItem();
            return new NoteView(item, item != null && agenda.contains(item.strip()), n.text());
        }
    }

    /** An action item as the API shows it, in a record or in the list of actions. */
    @Schema(name = "Action", description = "An action item of a session outcome")
    public record ActionView(
            @Schema(description = "The action's id, the same in every version of the record")
            UUID id,

            @Schema(description = "The session whose outcome holds the action")
            UUID sessionId,

            @Schema(description = "The session's engagement")
            UUID engagementId,

            @Schema(
                    description = "What is to be done, free text",
                    examples = "Ask the council for a budget for bicycle racks")
            String what,

            @Schema(description = "The party that owns the action")
            UUID ownerPartyId,

            @Schema(description = "When it is due; null for none", examples = "2026-04-01", nullable = true) @Nullable
            LocalDate dueDate,

            @Schema(description = "Where the action stands", examples = "OPEN")
            ActionStatus status,

            @Schema(description = "OPEN with a due date before today (UTC)")
            boolean overdue,

            @Schema(description = "Who added the action: a facilitator, or a party through its party lead")
            InitiatedBy initiatedBy,

            @Schema(description = "When the action was added to the record")
            OffsetDateTime createdAt,

            @Schema(description = "When the action last changed")
            OffsetDateTime updatedAt) {

        static ActionView of(OutcomeAction a, LocalDate today) {
            return new ActionView(
                    a.id,
                    a.sessionId,
                    a.engagementId,
                    a.what,
                    a.ownerPartyId,
                    a.dueDate,
                    a.status,
                    a.isOverdue(today),
                    InitiatedBy.of(a.initiatedByPartyId),
                    a.createdAt,
                    a.updatedAt);
        }
    }
}
