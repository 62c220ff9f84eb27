package org.dialoog.session.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.CalendarFeed;
import org.dialoog.session.Invitation;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * Subscribable calendars behind a secret URL: an engagement's facilitators and admins create,
 * list and revoke them; calendar apps read them without a token. The secret is shown once and
 * kept only as its SHA-256; a wrong secret and a revoked one get the same 404.
 */
@ApplicationScoped
@Transactional
public class CalendarFeedService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Sort EARLIEST_FIRST = Sort.ascending("startsAt", "id");

    private final EngagementAccess access;
    private final Caller caller;

    CalendarFeedService(EngagementAccess access, Caller caller) {
        this.access = access;
        this.caller = caller;
    }

    /** A new feed and its secret, which is not stored and cannot be shown again. */
    public record Created(CalendarFeed feed, String secret) {}

    /** A feed's calendar, or only its ETag when the app's copy is current ({@code body} empty: 304). */
    public record Rendered(String etag, @Nullable String body) {}

    /** A feed of the engagement's sessions, or of one of its participants' when {@code participantId} is set. */
    public Created create(UUID engagementId, @Nullable UUID participantId) {
        access.plannable(engagementId, "engagementId");
        if (participantId != null) {
            KnownParticipant p = KnownParticipant.findById(participantId);
            if (p == null || !p.engagementId.equals(engagementId)) {
                throw DomainException.invalid(
                        "participantId", "must be a participant of the engagement (as engagement events tell it)");
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.engagementId = engagementId;
        feed.participantId = participantId;
        feed.secretHash = CalendarFeed.hashOf(secret);
        feed.createdBy = caller.userId();
        feed.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        feed.persist();
        return new Created(feed, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<CalendarFeed> list(UUID engagementId, int page, int pageSize) {
        manageable(engagementId);
        var q = CalendarFeed.<CalendarFeed>find("engagementId", Sort.ascending("createdAt", "id"), engagementId);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarFeed find(UUID id) {
        CalendarFeed feed = CalendarFeed.findById(id);
        if (feed == null || !access.canRead(engagementOrEmpty(feed.engagementId))) {
            throw DomainException.notFound("Calendar feed", id);
        }
        manageable(feed.engagementId);
        return feed;
    }

    /** Revokes a feed: its URL answers 404 from now on, exactly like a URL that never existed. */
    public void revoke(UUID id) {
        find(id).delete();
    }

    /**
     * The calendar behind a secret, for the tenant the caller now acts for. A feed answers only while
     * its engagement (and participant) is known here; otherwise, like for a wrong secret, 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Rendered render(String secret, @Nullable String ifNoneMatch) {
        CalendarFeed feed = CalendarFeed.<CalendarFeed>find("secretHash", CalendarFeed.hashOf(secret))
                .firstResultOptional()
                .orElseThrow(CalendarFeedService::noFeed);
        KnownEngagement engagement = KnownEngagement.findById(feed.engagementId);
        if (engagement == null
                || (feed.participantId != null && KnownParticipant.findById(feed.participantId) == null)) {
            throw noFeed();
        }
        List<Session> sessions = feed.participantId == null
                ? Session.list("engagementId", EARLIEST_FIRST, feed.engagementId)
                : Session.list(
                        "engagementId = ?1 and id in (select i.sessionId from Invitation i "
                                + "where i.participantId = ?2 and i.status <> ?3)",
                        EARLIEST_FIRST,
                        feed.engagementId,
                        feed.participantId,
                        Invitation.Status.DECLINED);
        String etag = etag(feed, engagement, sessions);
        if (matches(ifNoneMatch, etag)) {
            return new Rendered(etag, null);
        }
        return new Rendered(etag, CalendarWriter.write(sessions, engagement.title));
    }

    /** The one answer for a wrong secret, a revoked feed and a feed whose engagement is gone. */
    public static DomainException noFeed() {
        return new DomainException(404, "Not found", "No calendar feed at this address.");
    }

    /** Weak: the calendar's DTSTAMPs change with every answer, its meaning only with the sessions' versions. */
    private static String etag(CalendarFeed feed, KnownEngagement engagement, List<Session> sessions) {
        StringBuilder state = new StringBuilder(feed.id + "|" + engagement.title);
        sessions.forEach(s -> state.append('|').append(s.id).append(':').append(s.version));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** If-None-Match by weak comparison (RFC 9110 13.1.2): a list of tags, or {@code *}. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque));
    }

    private void manageable(UUID engagementId) {
        KnownEngagement e = engagementOrEmpty(engagementId);
        if (!access.canRead(e)) {
            throw DomainException.notFound("Engagement", engagementId);
        }
        if (!access.canWrite(e)) {
            throw new DomainException(
                    403, "Forbidden", "Only the engagement's facilitators or an admin can manage its calendar feeds.");
        }
    }

    private static KnownEngagement engagementOrEmpty(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null) {
            // a forgotten engagement: its feeds stay visible to admins only, who may revoke them
            e = new KnownEngagement();
            e.facilitators = new String[0];
            e.clientContacts = new String[0];
        }
        return e;
    }
}
