package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.session.AgendaItem;
import org.dialoog.session.LocationMode;
import org.dialoog.session.SessionType;

/**
 * What a session is scheduled with, or changed to: the command {@link SessionService} takes.
 * The request that carried it was validated field by field; the rules between fields (times,
 * agenda, location) are the service's.
 */
public record SessionDetails(
        UUID engagementId,
        SessionType type,
        String title,
        String description,
        List<AgendaItem> agenda,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timeZone,
        Location location,
        Integer capacity,
        List<String> facilitators,
        boolean openRegistration) {

    /** Where the session takes place; which of address and url are needed depends on the mode. */
    public record Location(LocationMode mode, String address, String url) {}
}
