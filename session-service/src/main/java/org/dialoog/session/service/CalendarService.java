package org.dialoog.session.service;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;

/**
 * Sessions as RFC 5545 calendars, written by ical4j: one VEVENT per session with a stable UID,
 * a SEQUENCE that rises on every reschedule and cancellation, STATUS:CANCELLED for cancelled
 * sessions, and the session's own time zone (TZID plus its VTIMEZONE) so calendar apps show
 * the local time a facilitator planned, also across daylight-saving changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarService {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final String PRODUCT = "-//Dialoog//Sessions 1.0//EN";

    private final EngagementAccess access;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    CalendarService(EngagementAccess access) {
        this.access = access;
    }

    public String ofSession(UUID sessionId) {
        return write(List.of(access.readable(sessionId)));
    }

    public String ofEngagement(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null || !access.canRead(e)) {
            throw DomainException.notFound("Engagement", engagementId);
        }
        return write(Session.list("engagementId", Sort.ascending("startsAt", "id"), engagementId));
    }

    private String write(List<Session> sessions) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        Map<String, VTimeZone> timeZones = new LinkedHashMap<>();
        for (Session s : sessions) {
            timeZones.computeIfAbsent(s.timeZone, id -> zones.getTimeZone(id).getVTimeZone());
        }
        timeZones.values().forEach(calendar::add);
        sessions.forEach(s -> calendar.add(event(s)));
        return calendar.toString();
    }

    private static VEvent event(Session s) {
        ZoneId zone = ZoneId.of(s.timeZone);
        ZonedDateTime start = s.startsAt.atZoneSameInstant(zone);
        ZonedDateTime end = s.endsAt.atZoneSameInstant(zone);
        VEvent event = new VEvent(start, end, s.title);
        event.add(new Uid(s.id + "@dialoog"));
        event.add(new DtStamp(Instant.now()));
        event.add(new LastModified(s.updatedAt.toInstant()));
        event.add(new Sequence(s.sequence));
        event.add(
                s.status == SessionStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        String description = description(s);
        if (!description.isEmpty()) {
            event.add(new Description(description));
        }
        String where = s.locationAddress != null ? s.locationAddress : s.locationUrl;
        if (where != null) {
            event.add(new Location(where));
        }
        if (s.locationUrl != null) {
            event.add(new Url(URI.create(s.locationUrl)));
        }
        return event;
    }

    private static String description(Session s) {
        StringBuilder text = new StringBuilder();
        if (s.description != null) {
            text.append(s.description.strip());
        }
        if (s.agenda != null && !s.agenda.isEmpty()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(s.agenda.stream()
                    .map(a -> "- " + a.title() + " (" + a.minutes() + " min)")
                    .collect(Collectors.joining("\n")));
        }
        if (s.status == SessionStatus.CANCELLED && s.cancelReason != null) {
            text.insert(0, "Cancelled: " + s.cancelReason + (text.length() > 0 ? "\n\n" : ""));
        }
        return text.toString();
    }
}
