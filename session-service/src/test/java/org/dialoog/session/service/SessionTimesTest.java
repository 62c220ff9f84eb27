package org.dialoog.session.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.AgendaItem;
import org.dialoog.session.LocationMode;
import org.dialoog.session.SessionType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rules between a session's fields (times, agenda, time zone, location), without Quarkus or a database. */
class SessionTimesTest {

    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2031-03-12T19:30:00+01:00");
    private static final SessionDetails.Location TOWN_HALL =
            new SessionDetails.Location(LocationMode.ON_SITE, "Stadhuisplein 1, Utrecht", null);

    @Test
    void aWellFormedSessionHasNoErrors() {
        assertThat(SessionService.checkTimes(details(
                        STARTS.plusHours(2), List.of(new AgendaItem("Check-in", 15)), "Europe/Amsterdam", TOWN_HALL)))
                .isEmpty();
    }

    @Test
    void aSessionMustEndAfterItStarts() {
        assertThat(SessionService.checkTimes(details(STARTS, null, null, TOWN_HALL)))
                .containsExactly(new DomainException.FieldError("endsAt", "must be after startsAt"));
    }

    @Test
    void aSessionLastsAtMostADay() {
        assertThat(SessionService.checkTimes(details(STARTS.plusHours(24), null, null, TOWN_HALL)))
                .isEmpty();
        assertThat(SessionService.checkTimes(details(STARTS.plusHours(25), null, null, TOWN_HALL)))
                .containsExactly(new DomainException.FieldError("endsAt", "a session lasts at most 24 hours"));
    }

    @Test
    void theAgendaMustFitTheSession() {
        List<AgendaItem> agenda = List.of(new AgendaItem("Check-in", 30), new AgendaItem("Dialogue", 100));
        assertThat(SessionService.checkTimes(details(STARTS.plusHours(2), agenda, null, TOWN_HALL)))
                .containsExactly(new DomainException.FieldError(
                        "agenda", "the agenda takes 130 minutes but the session lasts 120"));
    }

    @Test
    void onSiteNeedsAnAddressOnlineAUrlAndHybridBoth() {
        assertThat(SessionService.checkTimes(details(
                        STARTS.plusHours(2), null, null, new SessionDetails.Location(LocationMode.ONLINE, null, null))))
                .containsExactly(new DomainException.FieldError("location.url", "required for ONLINE sessions"));
        assertThat(SessionService.checkTimes(details(
                        STARTS.plusHours(2), null, null, new SessionDetails.Location(LocationMode.HYBRID, " ", null))))
                .extracting(DomainException.FieldError::name)
                .containsExactly("location.address", "location.url");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertThat(SessionService.checkTimes(details(
                        STARTS.minusHours(1),
                        null,
                        "Europe/Utrecht",
                        new SessionDetails.Location(LocationMode.ON_SITE, null, null))))
                .extracting(DomainException.FieldError::name)
                .containsExactly("endsAt", "timeZone", "location.address");
    }

    private static SessionDetails details(
            OffsetDateTime endsAt,
            @Nullable List<AgendaItem> agenda,
            @Nullable String timeZone,
            SessionDetails.Location location) {
        return new SessionDetails(
                UUID.randomUUID(),
                SessionType.WORKSHOP,
                "Tweede dialoogsessie",
                null,
                agenda,
                STARTS,
                endsAt,
                timeZone,
                location,
                null,
                List.of(),
                false);
    }
}
