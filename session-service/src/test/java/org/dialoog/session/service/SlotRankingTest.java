package org.dialoog.session.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The ranking rule of scheduling polls, without Quarkus. */
class SlotRankingTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2031-03-03T19:00:00+01:00");
    private static final UUID RESIDENTS = UUID.randomUUID();
    private static final UUID SHOPS = UUID.randomUUID();
    private static final UUID MUNICIPALITY = UUID.randomUUID();

    @Test
    void everyPartyPresentBeatsMoreParticipants() {
        SlotRanking.Slot crowded = slot(0);
        SlotRanking.Slot complete = slot(1);
        List<SlotRanking.Vote> votes = List.of(
                vote(RESIDENTS, crowded),
                vote(RESIDENTS, crowded),
                vote(RESIDENTS, crowded),
                vote(SHOPS, crowded),
                vote(RESIDENTS, complete),
                vote(SHOPS, complete),
                vote(MUNICIPALITY, complete));
        List<SlotRanking.Ranked> ranked =
                SlotRanking.rank(List.of(crowded, complete), List.of(RESIDENTS, SHOPS, MUNICIPALITY), votes);
        assertThat(ranked.get(0).slot()).isEqualTo(complete);
        assertThat(ranked.get(0).partiesCovered()).isEqualTo(3);
        assertThat(ranked.get(1).slot()).isEqualTo(crowded);
        assertThat(ranked.get(1).participantsAvailable()).isEqualTo(4);
        assertThat(ranked.get(1).missingParties()).containsExactly(MUNICIPALITY);
    }

    @Test
    void equalCoverageIsDecidedByParticipantsThenByTheEarlierSlot() {
        SlotRanking.Slot early = slot(0);
        SlotRanking.Slot late = slot(1);
        SlotRanking.Slot busy = slot(2);
        List<SlotRanking.Vote> votes =
                List.of(vote(RESIDENTS, early, late, busy), vote(SHOPS, early, late, busy), vote(SHOPS, busy));
        List<SlotRanking.Ranked> ranked =
                SlotRanking.rank(List.of(late, busy, early), List.of(RESIDENTS, SHOPS), votes);
        assertThat(ranked).extracting(SlotRanking.Ranked::slot).containsExactly(busy, early, late);
        assertThat(ranked).extracting(SlotRanking.Ranked::rank).containsExactly(1, 2, 3);
    }

    @Test
    void votesOfParticipantsOutsideThePollsPartiesDoNotCoverAParty() {
        SlotRanking.Slot only = slot(0);
        var ranked = SlotRanking.rank(List.of(only), List.of(RESIDENTS), List.of(vote(SHOPS, only)));
        assertThat(ranked.get(0).partiesCovered()).isZero();
        assertThat(ranked.get(0).missingParties()).containsExactly(RESIDENTS);
    }

    /** Law: no slot ranked below another covers more parties, or as many parties and more participants. */
    @Property(tries = 200)
    void theRankingNeverPutsABetterSlotBelowAWorseOne(
            @ForAll @IntRange(min = 1, max = 6) int slotCount,
            @ForAll @IntRange(min = 0, max = 30) int voteCount,
            @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<SlotRanking.Slot> slots = new ArrayList<>();
        for (int i = 0; i < slotCount; i++) {
            slots.add(slot(i));
        }
        List<UUID> parties = List.of(RESIDENTS, SHOPS, MUNICIPALITY);
        List<SlotRanking.Vote> votes = new ArrayList<>();
        for (int v = 0; v < voteCount; v++) {
            Set<UUID> available = new HashSet<>();
            slots.stream().filter(s -> random.nextBoolean()).forEach(s -> available.add(s.id()));
            votes.add(new SlotRanking.Vote(UUID.randomUUID(), parties.get(random.nextInt(parties.size())), available));
        }
        List<SlotRanking.Ranked> ranked = SlotRanking.rank(slots, parties, votes);
        assertThat(ranked).hasSize(slotCount);
        for (int i = 1; i < ranked.size(); i++) {
            SlotRanking.Ranked better = ranked.get(i - 1);
            SlotRanking.Ranked worse = ranked.get(i);
            assertThat(better.partiesCovered()).isGreaterThanOrEqualTo(worse.partiesCovered());
            if (better.partiesCovered() == worse.partiesCovered()) {
                assertThat(better.participantsAvailable()).isGreaterThanOrEqualTo(worse.participantsAvailable());
            }
            assertThat(worse.partiesCovered() + worse.missingParties().size()).isEqualTo(parties.size());
        }
    }

    private static SlotRanking.Slot slot(int day) {
        return new SlotRanking.Slot(
                UUID.randomUUID(), MONDAY.plusDays(day), MONDAY.plusDays(day).plusHours(2));
    }

    private static SlotRanking.Vote vote(UUID party, SlotRanking.Slot... slots) {
        Set<UUID> ids = new HashSet<>();
        for (SlotRanking.Slot s : slots) {
            ids.add(s.id());
        }
        return new SlotRanking.Vote(UUID.randomUUID(), party, ids);
    }
}
