package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Ranks the slots of a scheduling poll. In a dialogue every party present matters most, so a
 * slot is first judged by how many parties have at least one available participant, then by
 * how many participants are available, then by which comes first.
 */
public final class SlotRanking {

    private SlotRanking() {}

    /** A candidate slot. */
    public record Slot(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    /** One participant's availability. */
    public record Vote(UUID participantId, UUID partyId, Set<UUID> available) {}

    /** A slot with what it scores; {@code missingParties} are the poll's parties nobody can come for. */
    public record Ranked(
            Slot slot, int rank, int partiesCovered, int participantsAvailable, List<UUID> missingParties) {}

    public static List<Ranked> rank(List<Slot> slots, List<UUID> parties, List<Vote> votes) {
        record Score(Slot slot, int parties, int participants, List<UUID> missing) {}
        List<Score> scores = slots.stream()
                .map(slot -> {
                    Set<UUID> covered = new HashSet<>();
                    int participants = 0;
                    for (Vote v : votes) {
                        if (v.available().contains(slot.id())) {
                            participants++;
                            covered.add(v.partyId());
                        }
                    }
                    List<UUID> missing =
                            parties.stream().filter(p -> !covered.contains(p)).toList();
                    return new Score(slot, parties.size() - missing.size(), participants, missing);
                })
                .sorted(Comparator.comparingInt(Score::parties)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(Score::participants).reversed())
                        .thenComparing(s -> s.slot().startsAt())
                        .thenComparing(s -> s.slot().id()))
                .toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            ranked.add(new Ranked(s.slot(), i + 1, s.parties(), s.participants(), s.missing()));
        }
        return ranked;
    }
}
