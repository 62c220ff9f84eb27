package org.dialoog.session.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.ActionStatus;
import org.dialoog.session.Decision;
import org.dialoog.session.OpenQuestion;
import org.dialoog.session.OutcomeNote;
import org.dialoog.session.OutcomeVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One version of a session's outcome as it was written. */
@Schema(
        name = "OutcomeVersion",
        description = "One version of a session's record as it was written, and who wrote it; earlier versions stay "
                + "readable after later writes")
public record OutcomeVersionView(
        @Schema(description = "The session the record is of")
        UUID sessionId,

        @Schema(description = "The version number (1 for the first write)", examples = "2")
        long version,

        @Schema(
                description = "The user (token subject) who wrote this version; null for a version written before "
                        + "versions were kept",
                examples = "fac-anna",
                nullable = true)
        @Nullable
        String author,

        @Schema(description = "As whom: FACILITATOR (a facilitator or admin) or PARTY (a party lead of partyId)")
        InitiatedBy authoredAs,

        @Schema(description = "When this version was written")
        OffsetDateTime writtenAt,

        @Schema(description = "The notes as they were at this version")
        List<OutcomeNote> notes,

        @Schema(description = "The decisions as they were at this version")
        List<Decision> decisions,

        @Schema(description = "The open questions as they were at this version")
        List<OpenQuestion> openQuestions,

        @Schema(description = "The action items as they were at this version, in the record's order")
        List<ActionAt> actions) {

    static OutcomeVersionView of(OutcomeVersion v) {
        return new OutcomeVersionView(
                v.sessionId,
                v.version,
                v.author,
                InitiatedBy.of(v.authorPartyId),
                v.writtenAt,
                v.notes,
                v.decisions,
                v.openQuestions,
                v.actions.stream().map(ActionAt::of).toList());
    }

    /** An action item as it stood at one version of the record. */
    @Schema(name = "OutcomeVersionAction", description = "An action item as it stood at one version of the record")
    public record ActionAt(
            @Schema(description = "The action's id, the same in every version")
            UUID id,

            @Schema(description = "What was to be done, free text", examples = "Ask the council for a budget")
            String what,

            @Schema(description = "The party that owned the action")
            UUID ownerPartyId,

            @Schema(description = "When it was due; null for none", examples = "2026-04-01", nullable = true) @Nullable
            LocalDate dueDate,

            @Schema(description = "Where the action stood", examples = "OPEN")
            ActionStatus status,

            @Schema(description = "Who added the action") InitiatedBy initiatedBy) {

        static ActionAt of(OutcomeVersion.ActionAt a) {
            return new ActionAt(
                    a.id(),
                    a.what(),
                    a.ownerPartyId(),
                    a.dueDate(),
                    a.status(),
                    InitiatedBy.of(a.initiatedByPartyId()));
        }
    }
}
