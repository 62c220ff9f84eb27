package org.dialoog.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The k-anonymity rule, without Quarkus. */
class SuppressionTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void aGroupBelowKIsHiddenAndTheOthersStayWhenTheHiddenOnesTogetherReachK() {
        assertThat(Suppression.suppressed(Map.of(A, 5L, B, 4L, C, 3L), 5)).containsExactlyInAnyOrder(B, C);
    }

    @Test
    void theSmallestShownGroupIsHiddenTooWhenSubtractionWouldRevealTheHiddenOne() {
        assertThat(Suppression.suppressed(Map.of(A, 5L, B, 6L, C, 2L), 5)).containsExactlyInAnyOrder(A, C);
    }

    @Test
    void groupsWithoutResponsesHideNothing() {
        assertThat(Suppression.suppressed(Map.of(A, 5L, B, 0L), 5)).isEmpty();
    }

    @Test
    void everythingIsHiddenWhenNoCombinationReachesK() {
        assertThat(Suppression.suppressed(Map.of(A, 2L, B, 1L), 5)).containsExactlyInAnyOrder(A, B);
    }

    /**
     * Laws: every shown group has at least k responses, and the hidden groups together hold none
     * or at least k, so that total minus the shown groups never isolates fewer than k people.
     */
    @Property(tries = 500)
    void noGroupBelowKCanBeSeenOrDerived(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 2, max = 10) int k) {
        Map<UUID, Long> groups = new LinkedHashMap<>();
        for (int i = 0; i < sizes.size(); i++) {
            groups.put(new UUID(0, i + 1), (long) sizes.get(i));
        }
        Set<UUID> hidden = Suppression.suppressed(groups, k);
        Map<UUID, Long> shown = new HashMap<>(groups);
        hidden.forEach(shown::remove);
        shown.values().stream().filter(n -> n > 0).forEach(n -> assertThat(n).isGreaterThanOrEqualTo(k));
        long hiddenTotal = hidden.stream().mapToLong(groups::get).sum();
        assertThat(hiddenTotal == 0
                        || hiddenTotal >= k
                        || shown.values().stream().allMatch(n -> n == 0))
                .isTrue();
        // minimal: a group is hidden only when it is small, or needed to cover a small one
        if (groups.values().stream().noneMatch(n -> n > 0 && n < k)) {
            assertThat(hidden).isEmpty();
        }
    }
}
