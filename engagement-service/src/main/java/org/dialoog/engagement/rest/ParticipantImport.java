package org.dialoog.engagement.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Participants added in one step, as a municipality's or a facilitator's list arrives: all of them or none. */
@Schema(name = "ParticipantImport")
public record ParticipantImport(
        @NotNull
        @Size(min = 1, max = ParticipantImport.MAX)
        @Schema(description = "1 to 1,000 participants; e-mail addresses unique within the list and the engagement")
        List<@NotNull @Valid ParticipantRequest> participants) {

    public static final int MAX = 1000;

    /** What an import answers: how many were added, and each of them in the order sent. */
    @Schema(name = "ParticipantImportResult")
    public record Result(int imported, List<ParticipantView> items) {}
}
