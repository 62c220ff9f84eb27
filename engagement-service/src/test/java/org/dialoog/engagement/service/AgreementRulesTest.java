package org.dialoog.engagement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.engagement.AgreementAnswer.Decision.ABSTAIN;
import static org.dialoog.engagement.AgreementAnswer.Decision.CONSENT;
import static org.dialoog.engagement.AgreementAnswer.Decision.CONSENT_WITH_CONCERN;
import static org.dialoog.engagement.AgreementAnswer.Decision.OBJECTION;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.Agreement.State;
import org.junit.jupiter.api.Test;

/** When an agreement is carried (ADR 0010, strict reading), without a database. */
class AgreementRulesTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final List<UUID> THREE = List.of(A, B, C);

    @Test
    void carriedOnlyWhenEveryConcernedPartyConsents() {
        assertThat(AgreementRules.stateOf(State.PENDING, THREE, Map.of())).isEqualTo(State.PENDING);
        assertThat(AgreementRules.stateOf(State.PENDING, THREE, Map.of(A, CONSENT, B, CONSENT)))
                .isEqualTo(State.PENDING);
        assertThat(AgreementRules.stateOf(
                        State.PENDING, THREE, Map.of(A, CONSENT, B, CONSENT_WITH_CONCERN, C, CONSENT)))
                .isEqualTo(State.CARRIED);
    }

    @Test
    void oneObjectionObjectsWhateverTheOthersSay() {
        assertThat(AgreementRules.stateOf(State.PENDING, THREE, Map.of(A, OBJECTION)))
                .isEqualTo(State.OBJECTED);
        assertThat(AgreementRules.stateOf(State.PENDING, THREE, Map.of(A, CONSENT, B, CONSENT, C, OBJECTION)))
                .isEqualTo(State.OBJECTED);
    }

    @Test
    void anAbstentionKeepsItPending() {
        assertThat(AgreementRules.stateOf(State.PENDING, THREE, Map.of(A, CONSENT, B, CONSENT, C, ABSTAIN)))
                .isEqualTo(State.PENDING);
    }

    @Test
    void withdrawnStaysWithdrawnAndAnAgreementWithoutPartiesIsNeverCarried() {
        assertThat(AgreementRules.stateOf(State.WITHDRAWN, THREE, Map.of(A, CONSENT, B, CONSENT, C, CONSENT)))
                .isEqualTo(State.WITHDRAWN);
        assertThat(AgreementRules.stateOf(State.PENDING, List.of(), Map.of())).isEqualTo(State.PENDING);
    }

    @Test
    void onlyAPendingAgreementTakesAnswers() {
        assertThat(AgreementRules.refusalToAnswer(State.PENDING)).isNull();
        for (Agreement.State s : List.of(State.OBJECTED, State.CARRIED, State.WITHDRAWN)) {
            assertThat(AgreementRules.refusalToAnswer(s)).isNotBlank();
        }
    }
}
