package org.dialoog.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dialoog.conventions.domain.DomainException;
import org.junit.jupiter.api.Test;

/** A questionnaire changes in place until a round uses it; after that a change is a new version of the same family. */
class QuestionnaireVersioningTest {

    @Test
    void aNewQuestionnaireStartsItsOwnFamilyAtRevisionOne() {
        Questionnaire q = Questionnaire.firstVersion();
        assertThat(q.familyId).isEqualTo(q.id);
        assertThat(q.revision).isEqualTo(1);
        assertThat(q.frozen).isFalse();
        assertThat(q.supersededBy).isNull();
    }

    @Test
    void aQuestionnaireNoRoundUsedChangesInPlace() {
        Questionnaire q = Questionnaire.firstVersion();
        q.checkChangeable();
        assertThat(q.changesInPlace()).isTrue();
    }

    @Test
    void aRoundFreezesItsQuestionnaireSoAChangeNoLongerHappensInPlace() {
        Questionnaire q = Questionnaire.firstVersion();
        q.freezeForRound();
        assertThat(q.frozen).isTrue();
        assertThat(q.changesInPlace()).isFalse();
    }

    @Test
    void aChangeToAFrozenQuestionnaireIsTheNextRevisionOfTheSameFamily() {
        Questionnaire used = Questionnaire.firstVersion();
        used.freezeForRound();
        Questionnaire next = used.supersede();
        assertThat(next.id).isNotEqualTo(used.id);
        assertThat(next.familyId).isEqualTo(used.familyId);
        assertThat(next.revision).isEqualTo(2);
        assertThat(next.frozen).as("the new version is not used by a round yet").isFalse();
        assertThat(used.supersededBy).isEqualTo(next.id);
        assertThat(used.frozen).as("the used version keeps its questions").isTrue();
    }

    @Test
    void aSupersededVersionCannotChangeAnyMore() {
        Questionnaire used = Questionnaire.firstVersion();
        used.freezeForRound();
        Questionnaire next = used.supersede();
        assertThatThrownBy(used::checkChangeable).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage())
                    .isEqualTo("Questionnaire " + used.id + " was superseded by version " + next.id
                            + "; change the newest version.");
        });
    }

    @Test
    void aSupersededVersionCannotOpenARound() {
        Questionnaire used = Questionnaire.firstVersion();
        used.freezeForRound();
        Questionnaire next = used.supersede();
        assertThatThrownBy(used::freezeForRound).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.fieldErrors())
                    .containsExactly(new DomainException.FieldError(
                            "questionnaireId",
                            "questionnaire " + used.id + " was superseded by " + next.id
                                    + "; open rounds with the newest version"));
        });
        next.freezeForRound();
        assertThat(next.frozen).isTrue();
    }

    /** Law: however often a used questionnaire changes, its versions form one family, numbered 1..n, each naming the next. */
    @Property(tries = 100)
    void versionsFormOneFamilyNumberedInOrder(@ForAll @IntRange(min = 1, max = 20) int changes) {
        List<Questionnaire> versions = new ArrayList<>(List.of(Questionnaire.firstVersion()));
        for (int i = 0; i < changes; i++) {
            Questionnaire newest = versions.get(versions.size() - 1);
            newest.freezeForRound();
            newest.checkChangeable();
            versions.add(newest.supersede());
        }
        for (int i = 0; i < versions.size(); i++) {
            Questionnaire v = versions.get(i);
            assertThat(v.familyId).isEqualTo(versions.get(0).id);
            assertThat(v.revision).isEqualTo(i + 1);
            assertThat(v.supersededBy).isEqualTo(i + 1 < versions.size() ? versions.get(i + 1).id : null);
        }
    }
}
