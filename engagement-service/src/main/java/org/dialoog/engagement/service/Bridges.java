package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.Party;
import org.dialoog.engagement.SessionHeld;
import org.dialoog.engagement.SessionHeldParty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The bridges between an engagement's parties (issue #19): from the sessions held, which parties sat at the
 * same table, how often and how recently. Counts per party and pair only; no person is named or counted
 * apart from their party.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Bridges {

    private final EngagementService engagements;

    Bridges(EngagementService engagements) {
        this.engagements = engagements;
    }

    /** The matrix of one engagement, as a list of its parties and of every pair of them. */
    @Schema(name = "Bridges")
    public record Matrix(
            UUID engagementId,

            @Schema(description = "Sessions held (completed) in the engagement")
            long sessionsHeld,

            @Schema(description = "Each current party, by name: the sessions it was present at")
            List<Presence> parties,

            @Schema(description = "Every pair of current parties, also those that never met (sessions 0)")
            List<Pair> pairs) {}

    /** How often one party was at the table. */
    @Schema(name = "BridgePartyPresence")
    public record Presence(
            UUID partyId,
            String name,

            @Schema(description = "Held sessions with at least one of its people present")
            long sessions,

            @Schema(description = "Its people present, summed over those sessions")
            long attendees) {}

    /** Two parties and the sessions they both attended. */
    @Schema(name = "BridgePair")
    public record Pair(
            UUID partyId,
            String partyName,
            UUID otherPartyId,
            String otherPartyName,

            @Schema(description = "Held sessions both parties attended")
            long sessions,

            @Schema(nullable = true, description = "When the latest of those started; null when they never met")
            @Nullable
            OffsetDateTime lastMetAt) {}

    public Matrix of(UUID engagementId) {
        Engagement e = engagements.visible(engagementId);
        List<Party> parties = Party.<Party>list("engagementId", e.id).stream()
                .sorted(Comparator.comparing((Party p) -> p.name.toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(p -> p.id.toString()))
                .toList();
        Map<UUID, long[]> presence = new HashMap<>();
        for (Object[] row : SessionHeldParty.getEntityManager()
                .createQuery(
                        "select p.partyId, count(p), sum(p.attendees) from SessionHeldParty p, SessionHeld s"
                                + " where s.sessionId = p.sessionId and s.engagementId = ?1 group by p.partyId",
                        Object[].class)
                .setParameter(1, e.id)
                .getResultList()) {
            presence.put((UUID) row[0], new long[] {(Long) row[1], ((Number) row[2]).longValue()});
        }
        Map<String, Object[]> met = new HashMap<>();
        for (Object[] row : SessionHeldParty.getEntityManager()
                .createQuery(
                        "select a.partyId, b.partyId, count(a), max(coalesce(s.startsAt, s.completedAt))"
                                + " from SessionHeldParty a, SessionHeldParty b, SessionHeld s"
                                + " where a.sessionId = b.sessionId and a.partyId <> b.partyId"
                                + " and s.sessionId = a.sessionId and s.engagementId = ?1"
                                + " group by a.partyId, b.partyId",
                        Object[].class)
                .setParameter(1, e.id)
                .getResultList()) {
            met.put(row[0] + "/" + row[1], row);
        }
        List<Presence> present = parties.stream()
                .map(p -> {
                    long[] c = presence.getOrDefault(p.id, new long[2]);
                    return new Presence(p.id, p.name, c[0], c[1]);
                })
                .toList();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                Party a = parties.get(i);
                Party b = parties.get(j);
                Object[] row = met.get(a.id + "/" + b.id);
                pairs.add(new Pair(
                        a.id,
                        a.name,
                        b.id,
                        b.name,
                        row == null ? 0 : (Long) row[2],
                        row == null ? null : (OffsetDateTime) row[3]));
            }
        }
        return new Matrix(e.id, SessionHeld.count("engagementId", e.id), present, pairs);
    }
}
