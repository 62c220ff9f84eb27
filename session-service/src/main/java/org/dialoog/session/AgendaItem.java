package org.dialoog.session;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One agenda item of a session and its length. A session stores its agenda as these, and the
 * requests that carry an agenda validate each item through its constraints ({@code @Valid}).
 */
@Schema(name = "AgendaItem")
public record AgendaItem(
        @NotBlank @Size(max = 200) @Schema(examples = "Check-in")
        String title,

        @Min(1) @Max(1440) @Schema(examples = "15") int minutes,

        @Schema(
                nullable = true,
                description = "The party whose party lead proposed the item; null when a facilitator added it. "
                        + "Set by the service: a value in a request is ignored",
                examples = "6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7c31")
        @Nullable
        UUID initiatedByPartyId) {

    public AgendaItem(String title, int minutes) {
        this(title, minutes, null);
    }

    /** This item as initiated by {@code partyId} (null: a facilitator). */
    public AgendaItem initiatedBy(@Nullable UUID partyId) {
        return new AgendaItem(title, minutes, partyId);
    }
}
