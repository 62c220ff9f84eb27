package org.dialoog.feedback.service;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which parties' answers must stay hidden so that no group smaller than k can be seen, directly
 * or by subtraction. A party with fewer than k responses is suppressed. Because the total is
 * shown, the suppressed parties together could be derived as total minus the shown parties: so
 * while the suppressed parties together hold between 1 and k−1 responses, the smallest shown
 * party is suppressed too.
 */
public final class Suppression {

    private Suppression() {}

    /** The parties to hide, given each party's number of responses and the minimum group size k. */
    public static Set<UUID> suppressed(Map<UUID, Long> responsesByParty, int k) {
        Set<UUID> hidden = new HashSet<>();
        responsesByParty.forEach((party, n) -> {
            if (n > 0 && n < k) {
                hidden.add(party);
            }
        });
        while (true) {
            long hiddenResponses =
                    hidden.stream().mapToLong(responsesByParty::get).sum();
            if (hiddenResponses == 0 || hiddenResponses >= k) {
                return hidden;
            }
            List<UUID> shown = responsesByParty.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && !hidden.contains(e.getKey()))
                    .sorted(Map.Entry.<UUID, Long>comparingByValue()
                            .thenComparing(e -> e.getKey().toString()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (shown.isEmpty()) {
                return hidden;
            }
            hidden.add(shown.get(0));
        }
    }
}
