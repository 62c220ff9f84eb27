package org.dialoog.session.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.CalendarFeed;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownParticipant;
import org.jspecify.annotations.Nullable;

/**
 * Subscribable calendars behind a secret URL, as an engagement's facilitators and admins create,
 * list and revoke them ({@link CalendarFeedReader} serves them). The secret is shown once and kept
 * only as its SHA-256.
 */
@ApplicationScoped
@Transactional
public class CalendarFeedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngagementAccess access;
    private final Caller caller;

    CalendarFeedService(EngagementAccess access, Caller caller) {
        this.access = access;
        this.caller = caller;
    }

    /** A new feed and its secret, which is not stored and cannot be shown again. */
    public record Created(CalendarFeed feed, String secret) {}

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
