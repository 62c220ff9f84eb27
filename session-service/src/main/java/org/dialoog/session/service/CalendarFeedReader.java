package org.dialoog.session.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.CalendarFeed;
import org.dialoog.session.Invitation;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * A calendar feed's calendar, for calendar apps without a token: the secret is the credential, and
 * a wrong secret, a revoked feed and a feed whose engagement or participant is gone get the same 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarFeedReader {

    private static final Sort EARLIEST_FIRST = Sort.ascending("startsAt", "id");

    /** A feed's calendar, or only its ETag when the app's copy is current ({@code body} empty: 304). */
    public record Rendered(String etag, @Nullable String body) {}

    /**
     * The calendar behind a secret, for the tenant the caller now acts for. A feed answers only while
     * its engagement (and participant) is known here; otherwise, like for a wrong secret, 404.
     */
    public Rendered render(String secret, @Nullable String ifNoneMatch) {
        CalendarFeed feed = CalendarFeed.<CalendarFeed>find("secretHash", CalendarFeed.hashOf(secret))
                .firstResultOptional()
                .orElseThrow(CalendarFeedReader::noFeed);
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
}
