package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.AgendaItem;
import org.dialoog.session.LocationMode;
import org.dialoog.session.SessionType;
import org.jspecify.annotations.Nullable;

/**
 * What a session is scheduled with, or changed to: the command {@link SessionService} takes.
 * The request that carried it was validated field by field; the rules between fields (times,
 * agenda, location) are the service's.
 */
public record SessionDetails(
        UUID engagementId,
        SessionType type,
        String title,
        @Nullable String description,
        @Nullable List<AgendaItem> agenda,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Nullable String timeZone,
        Location location,
        @Nullable Integer capacity,
        @Nullable List<String> facilitators,
        boolean openRegistration,
        @Nullable List<String> reminders) {

    /** Details with the default reminders. */
    public SessionDetails(
            UUID engagementId,
            SessionType type,
            String title,
            @Nullable String description,
            @Nullable List<AgendaItem> agenda,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @Nullable String timeZone,
            Location location,
            @Nullable Integer capacity,
            @Nullable List<String> facilitators,
            boolean openRegistration) {
        this(
                engagementId,
                type,
                title,
                description,
                agenda,
                startsAt,
                endsAt,
                timeZone,
                location,
                capacity,
                facilitators,
                openRegistration,
                null);
    }

    /** Where the session takes place; which of address and url are needed depends on the mode. */
    public record Location(
            LocationMode mode,
            @Nullable String address,
            @Nullable String url) {}
}
