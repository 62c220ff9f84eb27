package org.dialoog.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Notes on one agenda item of a session, named by its title as the session's agenda has it
 * ({@link AgendaItem#title()}), or on the session as a whole when {@code agendaItem} is absent. A
 * session outcome stores its notes as these.
 */
@Schema(name = "OutcomeNote", description = "Notes on one agenda item of the session, or on the session as a whole")
public record OutcomeNote(
        @Size(max = 200)
        @Pattern(
                regexp = "[\\s\\S]*\\S[\\s\\S]*",
                message = "must not be blank; leave it out for notes on the whole session")
        @Schema(
                description = "The title of the agenda item the notes are about, as the session's agenda names it; "
                        + "absent or null for notes on the session as a whole. A title that is not (or no longer) on "
                        + "the agenda is kept, and the answer says so with onAgenda: false.",
                examples = "Check-in",
                nullable = true)
        @Nullable
        String agendaItem,

        @NotBlank
        @Size(max = 5000)
        @Schema(
                description = "The notes, free text",
                examples = "Everyone named what they hope for; the shop owners worry about parking.")
        String text) {}
