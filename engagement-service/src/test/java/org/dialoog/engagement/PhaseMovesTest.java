package org.dialoog.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dialoog.engagement.Phase.CONVERGENCE;
import static org.dialoog.engagement.Phase.DIALOGUE;
import static org.dialoog.engagement.Phase.EXPLORATION;
import static org.dialoog.engagement.Phase.HANDOVER;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dialoog.conventions.domain.DomainException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Phase moves, without Quarkus: forward freely, back only with a note saying why, never to the phase it is in. */
class PhaseMovesTest {

    private static final String WHY = "The parties asked to revisit the interviews.";

    @Test
    void phasesRunFromExplorationToHandover() {
        assertThat(Phase.values()).containsExactly(EXPLORATION, DIALOGUE, CONVERGENCE, HANDOVER);
        assertThat(EXPLORATION.isBefore(DIALOGUE)).isTrue();
        assertThat(HANDOVER.isBefore(CONVERGENCE)).isFalse();
    }

    @Test
    void aForwardMoveNeedsNoNoteAndMaySkipPhases() {
        assertThatCode(() -> EXPLORATION.requireMoveTo(DIALOGUE, null)).doesNotThrowAnyException();
        assertThatCode(() -> EXPLORATION.requireMoveTo(HANDOVER, null)).doesNotThrowAnyException();
    }

    @Test
    void goingBackWithoutANoteIsInvalidNamingTheNote() {
        DomainException e = refusal(CONVERGENCE, DIALOGUE, null);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.fieldErrors())
                .containsExactly(new DomainException.FieldError(
                        "note", "going back from CONVERGENCE to DIALOGUE needs a note saying why"));
    }

    @Test
    void aBlankNoteIsNoNote() {
        assertThat(refusal(DIALOGUE, EXPLORATION, " \t ").fieldErrors())
                .extracting(DomainException.FieldError::name)
                .containsExactly("note");
        assertThat(refusal(DIALOGUE, EXPLORATION, "").status()).isEqualTo(400);
    }

    @Test
    void goingBackWithANoteIsAllowed() {
        assertThatCode(() -> HANDOVER.requireMoveTo(EXPLORATION, WHY)).doesNotThrowAnyException();
    }

    @Test
    void movingToThePhaseItIsInIsAConflictEvenWithANote() {
        DomainException e = refusal(DIALOGUE, DIALOGUE, WHY);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo("The engagement is already in phase DIALOGUE.");
    }

    /** Law: a move is refused exactly when it stays, or goes back without a note; the 409 of staying comes first. */
    @Property
    void aMoveIsRefusedOnlyWhenItStaysOrGoesBackWithoutANote(
            @ForAll Phase from, @ForAll Phase to, @ForAll("notes") @Nullable String note) {
        boolean noNote = note == null || note.isBlank();
        if (from == to) {
            assertThat(refusal(from, to, note).status()).isEqualTo(409);
        } else if (to.compareTo(from) < 0 && noNote) {
            assertThat(refusal(from, to, note).status()).isEqualTo(400);
        } else {
            assertThatCode(() -> from.requireMoveTo(to, note)).doesNotThrowAnyException();
        }
    }

    @Provide
    Arbitrary<String> notes() {
        return Arbitraries.oneOf(
                        Arbitraries.of("", " ", "\n\t"),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(40))
                .injectNull(0.2);
    }

    private static DomainException refusal(Phase from, Phase to, @Nullable String note) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> from.requireMoveTo(to, note));
        assertThat(e).as("moving %s → %s should be refused", from, to).isNotNull();
        return e;
    }
}
