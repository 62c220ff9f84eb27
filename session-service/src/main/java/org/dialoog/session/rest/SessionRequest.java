package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dialoog.session.AgendaItem;
import org.dialoog.session.LocationMode;
import org.dialoog.session.SessionType;
import org.dialoog.session.service.SessionDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;
import org.jspecify.annotations.Nullable;

/** A session to schedule. */
@Schema(name = "SessionRequest")
public record SessionRequest(
        @NotNull UUID engagementId,
        @NotNull SessionType type,

        @NotBlank @Size(max = 200) @Schema(examples = "Tweede dialoogsessie")
        String title,

        @Size(max = 5000) @Nullable String description,
        @Size(max = 50) @Nullable List<@Valid @NotNull AgendaItem> agenda,

        @NotNull @Schema(examples = "2026-03-12T19:30:00+01:00")
        OffsetDateTime startsAt,

        @NotNull @Schema(examples = "2026-03-12T21:30:00+01:00")
        OffsetDateTime endsAt,

        @Size(max = 64)
        @Schema(description = "IANA time zone", examples = "Europe/Amsterdam", defaultValue = "Europe/Amsterdam")
        @Nullable
        String timeZone,

        @NotNull @Valid Location location,
        @Min(1) @Max(100000) @Nullable Integer capacity,
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 100) String> facilitators,
        boolean openRegistration,

        @Size(max = 5)
        @Schema(
                description =
                        "When invitees with a seat (or a tentative answer) and confirmed registrants get a "
                                + "reminder, before the start: ISO-8601 durations, more than zero, at most P30D, distinct, at "
                                + "most five; [] for none. Default PT48H and PT2H. Each goes out once per start time; one whose "
                                + "moment had already passed when the session was scheduled or moved is skipped, not sent late.",
                examples = "[\"PT48H\",\"PT2H\"]",
                nullable = true)
        @Nullable
        List<@NotBlank @Size(max = 20) String> reminders) {

    /** Where the session takes place. */
    @Schema(name = "Location")
    public record Location(
            @NotNull LocationMode mode,

            @Size(max = 500) @Schema(examples = "Stadhuisplein 1, Utrecht", nullable = true) @Nullable
            String address,

            @URL(protocol = "https")
            @Size(max = 500)
            @Schema(examples = "https://meet.example.nl/abc", nullable = true)
            @Nullable
            String url) {

        SessionDetails.Location toDetails() {
            return new SessionDetails.Location(mode, address, url);
        }
    }

    /** The service's command for these (validated) fields. */
    SessionDetails toDetails() {
        return new SessionDetails(
                engagementId,
                type,
                title,
                description,
                agenda,
                startsAt,
                endsAt,
                timeZone,
                location.toDetails(),
                capacity,
                facilitators,
                openRegistration,
                reminders);
    }
}
