package org.dialoog.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One agenda item of a session and its length. A session stores its agenda as these, and the
 * requests that carry an agenda validate each item through its constraints ({@code @Valid}).
 */
@Schema(name = "AgendaItem")
public record AgendaItem(
        @NotBlank @Size(max = 200) @Schema(examples = "Check-in")
        String title,

        @Min(1) @Max(1440) @Schema(examples = "15") int minutes) {}
