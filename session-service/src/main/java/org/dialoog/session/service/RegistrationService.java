package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.session.PersonalLink;
import org.dialoog.session.Registration;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;

/**
 * Public sign-up for open sessions (citizen evenings). The caller has no account: the
 * registration code, shown once, is what lets them cancel; only its SHA-256 is stored.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    private final EngagementAccess access;
    private final Seats seats;
    private final PersonalLinks links;
    private final MessageDecisions decisions;

    RegistrationService(EngagementAccess access, Seats seats, PersonalLinks links, MessageDecisions decisions) {
        this.access = access;
        this.seats = seats;
        this.links = links;
        this.decisions = decisions;
    }

    /** A new registration and its code, which is not stored and cannot be shown again. */
    public record Registered(Registration registration, String code) {}

    /** Registers a member of the public; runs for the session's tenant, found by {@code store/PublicSessions}. */
    public Registered register(UUID sessionId, String name, String email, String language) {
        Session s = access.lockedForPublic(sessionId);
        if (!s.openRegistration) {
            throw DomainException.conflict("Session " + sessionId + " is not open for public registration.");
        }
        if (s.status != SessionStatus.PLANNED || s.hasStarted(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw DomainException.conflict("Registration for session " + sessionId + " is closed: it is "
                    + (s.status == SessionStatus.PLANNED ? "already under way or over" : s.status) + ".");
        }
        String normalisedEmail = email.strip();
        if (Registration.count(
                        "sessionId = ?1 and lower(email) = ?2 and status <> ?3",
                        s.id,
                        normalisedEmail.toLowerCase(java.util.Locale.ROOT),
                        Registration.Status.CANCELLED)
                > 0) {
            throw DomainException.conflict("This e-mail address is already registered for the session; "
                    + "cancel with the registration code first to register again.");
        }
        String code = PersonalLinks.newCode();
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.sessionId = s.id;
        r.name = name.strip();
        r.email = normalisedEmail;
        r.language = language;
        r.codeHash = hash(code);
        r.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.admit(seats.free(s));
        r.persist();
        // the sign-up code opens the personal registration link too
        links.remember(code, PersonalLink.Kind.REGISTRATION, r.id, s.id);
        decisions.registered(s, r);
        return new Registered(r, code);
    }

    /** Cancels with the code; a confirmed seat goes to the first on the waitlist. Unknown code: 404. */
    public Registration cancel(UUID sessionId, String code) {
        Session s = access.lockedForPublic(sessionId);
        Registration r = Registration.<Registration>find("sessionId = ?1 and codeHash = ?2", s.id, hash(code))
                .firstResultOptional()
                .orElseThrow(() -> new DomainException(
                        404, "Not found", "No registration for session " + sessionId + " has this code."));
        return cancel(s, r);
    }

    /** Cancels through the personal registration link: the same rules as {@link #cancel(UUID, String)}. */
    public Registration cancelByLink(UUID registrationId) {
        Registration found = Registration.findById(registrationId);
        if (found == null) {
            throw PersonalLinkService.noLink();
        }
        Session s = access.lockedForPublic(found.sessionId);
        Registration.getEntityManager().refresh(found);
        return cancel(s, found);
    }

    private Registration cancel(Session s, Registration r) {
        if (r.status == Registration.Status.CANCELLED) {
            return r;
        }
        boolean seatGivenUp = r.cancel(OffsetDateTime.now(ZoneOffset.UTC));
        Registration.flush();
        if (seatGivenUp && s.status == SessionStatus.PLANNED) {
            seats.fillFreeSeats(s);
        }
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Registration> list(UUID sessionId, int page, int pageSize) {
        access.manageable(sessionId);
        var q = Registration.<Registration>find("sessionId", Sort.ascending("registeredAt", "id"), sessionId);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Registration find(UUID sessionId, UUID id) {
        access.manageable(sessionId);
        return Registration.<Registration>find("sessionId = ?1 and id = ?2", sessionId, id)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Registration", id));
    }

    static String hash(String code) {
        return PersonalLinks.hash(code);
    }
}
