package org.dialoog.feedback.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownParticipant;
import org.dialoog.feedback.RespondentToken;
import org.dialoog.feedback.SessionAttendee;
import org.dialoog.feedback.TokenIssue;

/**
 * Single-use respondent tokens, one per eligible participant. The token itself is returned once
 * and stored only as a SHA-256 hash; who received a token and which tokens exist are kept in two
 * tables that cannot be joined, so an answer can never be traced back to a person.
 */
@ApplicationScoped
@Transactional
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedbackAccess access;

    TokenService(FeedbackAccess access) {
        this.access = access;
    }

    /** A token for a participant, to hand over once. */
    public record Issued(UUID participantId, String token) {}

    /** The outcome: new tokens, and how many eligible participants already had one. */
    public record Issue(List<Issued> issued, long alreadyIssued) {}

    /**
     * Hand distribution: tokens for the eligible participants who have none yet. Of a MAIL round,
     * those already mailed have one and are skipped; those issued here are not mailed later.
     */
    public Issue issue(UUID roundId) {
        FeedbackRound round = access.writableRound(roundId);
        RoundRules.checkTokensAllowed(round, OffsetDateTime.now(ZoneOffset.UTC));
        List<Eligible> eligible = eligible(round);
        List<Issued> issued = issueTo(round.id, eligible);
        return new Issue(issued, eligible.size() - issued.size());
    }

    /**
     * Tokens for every member of the round's audience who has none yet, for the round's mailing (no
     * access check: the mailing runs for the facilitator's open, an event or a job; the audience is
     * known, {@code RoundMailing.due}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Issued> issueToAudience(FeedbackRound round) {
        return issueTo(round.id, eligible(round));
    }

    private static List<Issued> issueTo(UUID roundId, List<Eligible> eligible) {
        Set<UUID> already = TokenIssue.<TokenIssue>list("roundId", roundId).stream()
                .map(t -> t.participantId)
                .collect(Collectors.toSet());
        List<Issued> issued = new ArrayList<>();
        List<RespondentToken> tokens = new ArrayList<>();
        for (Eligible e : eligible) {
            if (already.contains(e.participantId())) {
                continue;
            }
            TokenIssue mark = new TokenIssue();
            mark.id = UUID.randomUUID();
            mark.roundId = roundId;
            mark.participantId = e.participantId();
            mark.persist();
            String token = newToken();
            RespondentToken t = new RespondentToken();
            t.tokenHash = hash(token);
            t.roundId = roundId;
            t.partyId = e.partyId();
            tokens.add(t);
            issued.add(new Issued(e.participantId(), token));
        }
        // written in an order unrelated to the participants', so insertion order cannot link the two tables
        Collections.shuffle(tokens, RANDOM);
        tokens.forEach(t -> t.persist());
        return issued;
    }

    private record Eligible(UUID participantId, UUID partyId) {}

    private static List<Eligible> eligible(FeedbackRound round) {
        if (FeedbackRound.Audience.ATTENDEES.name().equals(round.audience)) {
            List<SessionAttendee> attendees =
                    SessionAttendee.list("sessionId", Sort.ascending("participantId"), round.sessionId);
            if (attendees.isEmpty()) {
                throw DomainException.conflict(
                        "No attendees of session " + round.sessionId + " are known yet; tokens for an "
                                + "ATTENDEES round are issued once the session is completed with its attendance.");
            }
            return attendees.stream()
                    .map(a -> new Eligible(a.participantId, a.partyId))
                    .toList();
        }
        return KnownParticipant.<KnownParticipant>list("engagementId", Sort.ascending("id"), round.engagementId)
                .stream()
                .map(p -> new Eligible(p.id, p.partyId))
                .toList();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
