package org.dialoog.session.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.Session;

/**
 * Sessions as RFC 5545 calendars for callers with a token (see {@link CalendarWriter}): one VEVENT
 * per session with a stable UID, a SEQUENCE that rises on every reschedule and cancellation,
 * STATUS:CANCELLED for cancelled sessions, and the session's own time zone (TZID plus its
 * VTIMEZONE) so calendar apps show the local time a facilitator planned, also across
 * daylight-saving changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarService {

    public static final String MEDIA_TYPE = "text/calendar";

    private final EngagementAccess access;

    CalendarService(EngagementAccess access) {
        this.access = access;
    }

    public String ofSession(UUID sessionId) {
        return CalendarWriter.write(List.of(access.readable(sessionId)), null);
    }

    public String ofEngagement(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null || !access.canRead(e)) {
            throw DomainException.notFound("Engagement", engagementId);
        }
        return CalendarWriter.write(Session.list("engagementId", Sort.ascending("startsAt", "id"), engagementId), null);
    }
}
