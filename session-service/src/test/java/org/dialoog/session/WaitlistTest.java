package org.dialoog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Seats and the waitlist, shared by invitations and public registrations: the rules, without Quarkus or a database. */
class WaitlistTest {

    private static final OffsetDateTime SEVEN_PM = OffsetDateTime.parse("2031-03-03T19:00:00+01:00");

    @Test
    void acceptanceWithinCapacityTakesASeat() {
        OneSession evening = new OneSession(2);
        Invitation anna = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        assertThat(anna.status).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(anna.waitlistedAt).isNull();
        assertThat(evening.taken()).isEqualTo(1);
    }

    @Test
    void acceptanceBeyondCapacityIsWaitlisted() {
        OneSession evening = new OneSession(1);
        Invitation anna = evening.invite();
        Invitation ben = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        evening.answer(ben, Invitation.Status.ACCEPTED);
        assertThat(ben.status).isEqualTo(Invitation.Status.WAITLISTED);
        assertThat(ben.waitlistedAt).isEqualTo(ben.respondedAt);
        assertThat(evening.taken()).isEqualTo(1);
    }

    @Test
    void tentativeHoldsNoSeat() {
        OneSession evening = new OneSession(1);
        Invitation anna = evening.invite();
        Invitation ben = evening.invite();
        evening.answer(anna, Invitation.Status.TENTATIVE);
        evening.answer(ben, Invitation.Status.ACCEPTED);
        assertThat(anna.status).isEqualTo(Invitation.Status.TENTATIVE);
        assertThat(ben.status).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(evening.taken()).isEqualTo(1);
    }

    @Test
    void aSeatHolderWhoTurnsTentativeGivesTheSeatToTheWaitlist() {
        OneSession evening = new OneSession(1);
        Invitation anna = evening.invite();
        Invitation ben = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        evening.answer(ben, Invitation.Status.ACCEPTED);
        boolean seatGivenUp = anna.answer(Invitation.Status.TENTATIVE, false, evening.tick());
        assertThat(seatGivenUp).isTrue();
        evening.fillFreeSeats();
        assertThat(anna.status).isEqualTo(Invitation.Status.TENTATIVE);
        assertThat(ben.status).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(ben.waitlistedAt).isNull();
    }

    @Test
    void aFreedSeatGoesToWhoeverWaitedLongestAcrossInvitationsAndRegistrations() {
        OneSession evening = new OneSession(1);
        Invitation anna = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        Registration fatima = evening.register();
        Invitation ben = evening.invite();
        evening.answer(ben, Invitation.Status.ACCEPTED);
        assertThat(fatima.status).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(ben.status).isEqualTo(Invitation.Status.WAITLISTED);

        evening.answer(anna, Invitation.Status.DECLINED);

        assertThat(fatima.status).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(ben.status).isEqualTo(Invitation.Status.WAITLISTED);
        assertThat(evening.taken()).isEqualTo(1);
    }

    @Test
    void anInvitationGoesBeforeARegistrationThatWaitedExactlyAsLong() {
        Invitation ben = waiting(invitation(), SEVEN_PM);
        Registration fatima = waiting(registration(), SEVEN_PM);
        Waitlist.Promoted promoted = Waitlist.promote(1, List.of(ben), List.of(fatima));
        assertThat(promoted.invitations()).containsExactly(ben);
        assertThat(promoted.registrations()).isEmpty();
        assertThat(fatima.status).isEqualTo(Registration.Status.WAITLISTED);
    }

    @Test
    void freeSeatsGoInWaitingOrderAndNoFurther() {
        Invitation first = waiting(invitation(), SEVEN_PM);
        Registration second = waiting(registration(), SEVEN_PM.plusMinutes(1));
        Invitation third = waiting(invitation(), SEVEN_PM.plusMinutes(2));
        Registration fourth = waiting(registration(), SEVEN_PM.plusMinutes(3));
        Waitlist.Promoted promoted = Waitlist.promote(3, List.of(first, third), List.of(second, fourth));
        assertThat(promoted.invitations()).containsExactly(first, third);
        assertThat(promoted.registrations()).containsExactly(second);
        assertThat(fourth.status).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(fourth.waitlistedAt).isEqualTo(SEVEN_PM.plusMinutes(3));
    }

    @Test
    void aSessionWithoutCapacitySeatsEveryone() {
        assertThat(Waitlist.freeSeats(null, 10_000)).isEqualTo(Integer.MAX_VALUE);
        OneSession hall = new OneSession(null);
        Invitation anna = hall.invite();
        hall.answer(anna, Invitation.Status.ACCEPTED);
        assertThat(hall.register().status).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(anna.status).isEqualTo(Invitation.Status.ACCEPTED);
    }

    @Test
    void aFullSessionHasNoFreeSeatEvenWhenOverbooked() {
        assertThat(Waitlist.freeSeats(3, 3)).isZero();
        assertThat(Waitlist.freeSeats(3, 5)).isZero();
        assertThat(Waitlist.freeSeats(3, 1)).isEqualTo(2);
    }

    @Test
    void acceptingAgainKeepsTheSeatOrThePlaceInLine() {
        OneSession evening = new OneSession(1);
        Invitation anna = evening.invite();
        Invitation ben = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        evening.answer(ben, Invitation.Status.ACCEPTED);
        OffsetDateTime inLineSince = ben.waitlistedAt;
        assertThat(anna.asksForSeat(Invitation.Status.ACCEPTED)).isFalse();
        assertThat(ben.asksForSeat(Invitation.Status.ACCEPTED)).isFalse();

        evening.answer(anna, Invitation.Status.ACCEPTED);
        evening.answer(ben, Invitation.Status.ACCEPTED);

        assertThat(anna.status).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(ben.status).isEqualTo(Invitation.Status.WAITLISTED);
        assertThat(ben.waitlistedAt).isEqualTo(inLineSince);
    }

    @Test
    void decliningFromTheWaitlistLeavesTheLine() {
        OneSession evening = new OneSession(1);
        Invitation anna = evening.invite();
        Invitation ben = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        evening.answer(ben, Invitation.Status.ACCEPTED);
        boolean seatGivenUp = ben.answer(Invitation.Status.DECLINED, false, evening.tick());
        assertThat(seatGivenUp).isFalse();
        assertThat(ben.status).isEqualTo(Invitation.Status.DECLINED);
        assertThat(ben.waitlistedAt).isNull();
    }

    @Test
    void onlyAcceptedDeclinedAndTentativeAreAnswers() {
        assertThat(Stream.of(Invitation.Status.values()).filter(Invitation.Status::isAnswer))
                .containsExactly(Invitation.Status.ACCEPTED, Invitation.Status.TENTATIVE, Invitation.Status.DECLINED);
    }

    @Test
    void aRegistrationBeyondCapacityWaitsFromTheMomentItRegistered() {
        OneSession evening = new OneSession(1);
        Registration fatima = evening.register();
        Registration jan = evening.register();
        assertThat(fatima.status).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(fatima.waitlistedAt).isNull();
        assertThat(jan.status).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(jan.waitlistedAt).isEqualTo(jan.registeredAt);
    }

    @Test
    void cancellingAConfirmedRegistrationGivesItsSeatToTheFirstInLine() {
        OneSession evening = new OneSession(1);
        Registration fatima = evening.register();
        Invitation anna = evening.invite();
        evening.answer(anna, Invitation.Status.ACCEPTED);
        evening.cancel(fatima);
        assertThat(fatima.status).isEqualTo(Registration.Status.CANCELLED);
        assertThat(anna.status).isEqualTo(Invitation.Status.ACCEPTED);
    }

    @Test
    void cancellingTwiceChangesNothing() {
        Registration fatima = registration();
        fatima.status = Registration.Status.CONFIRMED;
        assertThat(fatima.cancel(SEVEN_PM)).isTrue();
        assertThat(fatima.cancel(SEVEN_PM.plusHours(1))).isFalse();
        assertThat(fatima.cancelledAt).isEqualTo(SEVEN_PM);
    }

    @Test
    void cancellingFromTheWaitlistFreesNoSeat() {
        Registration jan = waiting(registration(), SEVEN_PM);
        assertThat(jan.cancel(SEVEN_PM.plusMinutes(5))).isFalse();
        assertThat(jan.waitlistedAt).isNull();
    }

    /**
     * Law: whatever invitees answer, whoever registers or cancels and however the capacity is
     * raised, the seats taken never exceed the capacity, nobody waits while a seat is free, and a
     * seat given from the waitlist goes to someone who waited no shorter than anyone left waiting.
     */
    @Property(tries = 500)
    void capacityIsNeverExceeded(@ForAll @IntRange(min = 1, max = 6) int capacity, @ForAll("steps") List<Step> steps) {
        OneSession session = new OneSession(capacity);
        List<Invitation> invitees = Stream.generate(session::invite).limit(8).toList();
        List<Registration> registrations = new ArrayList<>();
        for (Step step : steps) {
            switch (step.move()) {
                case ACCEPT -> session.answer(invitees.get(step.who() % invitees.size()), Invitation.Status.ACCEPTED);
                case DECLINE -> session.answer(invitees.get(step.who() % invitees.size()), Invitation.Status.DECLINED);
                case TENTATIVE ->
                    session.answer(invitees.get(step.who() % invitees.size()), Invitation.Status.TENTATIVE);
                case REGISTER -> registrations.add(session.register());
                case CANCEL -> {
                    if (!registrations.isEmpty()) {
                        session.cancel(registrations.get(step.who() % registrations.size()));
                    }
                }
                case RAISE_CAPACITY -> session.raiseCapacity(step.who() % 3);
                case SAME_MOMENT -> session.holdClock();
            }
            assertThat(session.taken()).isLessThanOrEqualTo(session.limit());
            assertThat(session.waiting().isEmpty() || Waitlist.freeSeats(session.capacity, session.taken()) == 0)
                    .as("nobody waits while a seat is free")
                    .isTrue();
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.of(Move.class), Arbitraries.integers().between(0, 20))
                .as(Step::new)
                .list()
                .ofMaxSize(80);
    }

    /** What happens next to the session. */
    enum Move {
        ACCEPT,
        DECLINE,
        TENTATIVE,
        REGISTER,
        CANCEL,
        RAISE_CAPACITY,
        SAME_MOMENT
    }

    /** A move and whom it concerns (an index, taken modulo who is there). */
    record Step(Move move, int who) {}

    /**
     * One session's seats in memory, taking the steps InvitationService, RegistrationService and
     * Seats take under the session's row lock, with the entities' and Waitlist's own rules.
     */
    private static final class OneSession {

        private final List<Invitation> invitations = new ArrayList<>();
        private final List<Registration> registrations = new ArrayList<>();
        private @Nullable Integer capacity;
        private OffsetDateTime now = SEVEN_PM;
        private boolean clockHeld;

        OneSession(@Nullable Integer capacity) {
            this.capacity = capacity;
        }

        /** The capacity of a session that has one. */
        int limit() {
            return Objects.requireNonNull(capacity, "this session has no capacity");
        }

        OffsetDateTime tick() {
            if (clockHeld) {
                clockHeld = false;
            } else {
                now = now.plusMinutes(1);
            }
            return now;
        }

        /** The next step happens at the same moment as the last, so two can wait exactly as long. */
        void holdClock() {
            clockHeld = true;
        }

        Invitation invite() {
            Invitation i = invitation();
            i.invitedAt = tick();
            invitations.add(i);
            return i;
        }

        void answer(Invitation i, Invitation.Status response) {
            boolean seatFree = i.asksForSeat(response) && Waitlist.freeSeats(capacity, taken()) > 0;
            if (i.answer(response, seatFree, tick())) {
                fillFreeSeats();
            }
        }

        Registration register() {
            Registration r = registration();
            r.registeredAt = tick();
            r.admit(Waitlist.freeSeats(capacity, taken()) > 0);
            registrations.add(r);
            return r;
        }

        void cancel(Registration r) {
            if (r.cancel(tick())) {
                fillFreeSeats();
            }
        }

        void raiseCapacity(int by) {
            capacity = limit() + by;
            fillFreeSeats();
        }

        int taken() {
            return (int) (invitations.stream()
                            .filter(i -> i.status == Invitation.Status.ACCEPTED)
                            .count()
                    + registrations.stream()
                            .filter(r -> r.status == Registration.Status.CONFIRMED)
                            .count());
        }

        List<OffsetDateTime> waiting() {
            return Stream.concat(
                            waitingInvitations().stream().map(i -> i.waitlistedAt),
                            waitingRegistrations().stream().map(r -> r.waitlistedAt))
                    .toList();
        }

        void fillFreeSeats() {
            int free = Waitlist.freeSeats(capacity, taken());
            if (free == 0) {
                return;
            }
            List<Invitation> lineOfInvitations = waitingInvitations();
            List<Registration> lineOfRegistrations = waitingRegistrations();
            IdentityHashMap<Object, OffsetDateTime> since = new IdentityHashMap<>();
            lineOfInvitations.forEach(i -> since.put(i, i.waitlistedAt));
            lineOfRegistrations.forEach(r -> since.put(r, r.waitlistedAt));
            Waitlist.Promoted promoted = Waitlist.promote(free, lineOfInvitations, lineOfRegistrations);
            List<OffsetDateTime> seatedSince = Stream.concat(
                            promoted.invitations().stream().map(since::get),
                            promoted.registrations().stream().map(since::get))
                    .toList();
            assertThat(seatedSince).hasSizeLessThanOrEqualTo(free);
            waiting().stream()
                    .min(Comparator.naturalOrder())
                    .ifPresent(longestLeftWaiting -> assertThat(seatedSince)
                            .as("those seated waited no shorter than anyone still waiting")
                            .allMatch(t -> !t.isAfter(longestLeftWaiting)));
        }

        private List<Invitation> waitingInvitations() {
            return invitations.stream()
                    .filter(i -> i.status == Invitation.Status.WAITLISTED)
                    .sorted(Comparator.comparing((Invitation i) -> i.waitlistedAt)
                            .thenComparing(i -> i.id))
                    .toList();
        }

        private List<Registration> waitingRegistrations() {
            return registrations.stream()
                    .filter(r -> r.status == Registration.Status.WAITLISTED)
                    .sorted(Comparator.comparing((Registration r) -> r.waitlistedAt)
                            .thenComparing(r -> r.id))
                    .toList();
        }
    }

    private static Invitation invitation() {
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.participantId = UUID.randomUUID();
        i.status = Invitation.Status.INVITED;
        return i;
    }

    private static Registration registration() {
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.registeredAt = SEVEN_PM;
        return r;
    }

    private static Invitation waiting(Invitation i, OffsetDateTime since) {
        i.status = Invitation.Status.WAITLISTED;
        i.waitlistedAt = since;
        return i;
    }

    private static Registration waiting(Registration r, OffsetDateTime since) {
        r.status = Registration.Status.WAITLISTED;
        r.waitlistedAt = since;
        return r;
    }
}
