package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.domain.UpdatedSince;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.Participant;
import org.dialoog.engagement.Party;
import org.dialoog.engagement.events.EngagementEvents;
import org.dialoog.engagement.events.EventTypes;
import org.jspecify.annotations.Nullable;

/** The parties of an engagement and their participants. */
@ApplicationScoped
@Transactional
public class PartyService {

    private final EngagementService engagements;
    private final Outbox outbox;

    private final PartyLeadService partyLeads;

    PartyService(EngagementService engagements, Outbox outbox, PartyLeadService partyLeads) {
        this.engagements = engagements;
        this.outbox = outbox;
        this.partyLeads = partyLeads;
    }

    public Party addParty(UUID engagementId, PartyDetails d) {
        lockMembership(engagementId);
        Engagement e = engagements.writable(engagementId, null);
        requireUniqueName(e.id, d.name(), null);
        Party p = new Party();
        p.id = UUID.randomUUID();
        p.engagementId = e.id;
        p.name = d.name().strip();
        p.type = d.type();
        p.interests = d.interests();
        p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.updatedAt = p.createdAt;
        p.persistAndFlush();
        outbox.record(EventTypes.PARTY_ADDED, e.id, p.id, partyChanged(p));
        return p;
    }

    public Party updateParty(UUID engagementId, UUID partyId, @Nullable Long expectedVersion, PartyDetails d) {
        lockMembership(engagementId);
        engagements.writable(engagementId, null);
        Party p = party(engagementId, partyId);
        DomainException.requireVersion(expectedVersion, p.version);
        requireUniqueName(engagementId, d.name(), partyId);
        p.name = d.name().strip();
        p.type = d.type();
        p.interests = d.interests();
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Party.flush();
        outbox.record(EventTypes.PARTY_UPDATED, engagementId, p.id, partyChanged(p));
        return p;
    }

    public void removeParty(UUID engagementId, UUID partyId, @Nullable Long expectedVersion) {
        engagements.writable(engagementId, null);
        Party p = party(engagementId, partyId);
        DomainException.requireVersion(expectedVersion, p.version);
        long agreements = Agreement.count("select count(a) from Agreement a join a.partyIds p where p = ?1", partyId);
        if (agreements > 0) {
            throw DomainException.conflict("Party '" + p.name + "' is concerned by " + agreements
                    + " agreement(s); its answers are part of their record, so the party stays.");
        }
        long members = Participant.count("partyId", partyId);
        if (members > 0) {
            throw DomainException.conflict("Party '" + p.name + "' still has " + members
                    + " participant(s); move or remove them before removing the party.");
        }
        p.delete();
        outbox.record(EventTypes.PARTY_REMOVED, engagementId, p.id, partyChanged(p));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Party party(UUID engagementId, UUID partyId) {
        Engagement e = engagements.visible(engagementId);
        return Party.<Party>find("id = ?1 and engagementId = ?2", partyId, e.id)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Party", partyId));
    }

    /** Whether the caller sees the names and e-mail addresses of the engagement's participants (404 if hidden). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean showsPersonalData(UUID engagementId) {
        return engagements.showsPersonalData(engagements.visible(engagementId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Party> parties(UUID engagementId) {
        Engagement e = engagements.visible(engagementId);
        return Party.list("engagementId", Sort.ascending("name", "id"), e.id);
    }

    public Participant addParticipant(UUID engagementId, ParticipantDetails d) {
        lockMembership(engagementId);
        engagements.writable(engagementId, null);
        requirePartyOf(engagementId, d.partyId());
        requireUniqueEmail(engagementId, d.email(), null);
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.engagementId = engagementId;
        apply(p, d);
        p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.updatedAt = p.createdAt;
        p.persistAndFlush();
        outbox.record(EventTypes.PARTICIPANT_ADDED, engagementId, p.id, participantChanged(p));
        return p;
    }

    /**
     * Adds a list of participants in one transaction: every entry is checked first (its party, its
     * e-mail address against the list and the engagement), and one bad entry adds none. Each
     * participant gets its own {@code participant-added} event, as if added one by one.
     */
    public List<Participant> importParticipants(UUID engagementId, List<ParticipantDetails> list) {
        lockMembership(engagementId);
        engagements.writable(engagementId, null);
        Set<UUID> parties = Party.<Party>list("engagementId", engagementId).stream()
                .map(p -> p.id)
                .collect(Collectors.toSet());
        List<DomainException.FieldError> errors = new ArrayList<>();
        Map<String, Integer> emails = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ParticipantDetails d = list.get(i);
            if (!parties.contains(d.partyId())) {
                errors.add(new DomainException.FieldError(
                        "participants[" + i + "].partyId", "no party " + d.partyId() + " in this engagement"));
            }
            String email = d.email();
            if (email != null) {
                Integer earlier = emails.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    errors.add(new DomainException.FieldError(
                            "participants[" + i + "].email",
                            "the same address as participants[" + earlier
                                    + "]; addresses are unique within an engagement"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!emails.isEmpty()) {
            List<String> taken =
                    Participant.<Participant>list("engagementId = ?1 and email in ?2", engagementId, emails.keySet())
                            .stream()
                            .map(p -> p.email)
                            .sorted(Comparator.comparing(emails::get))
                            .toList();
            if (!taken.isEmpty()) {
                throw DomainException.conflict(
                        taken.size() + " address(es) already belong to participants of this engagement: "
                                + taken.stream()
                                        .limit(10)
                                        .map(e -> "participants[" + emails.get(e) + "]")
                                        .collect(Collectors.joining(", "))
                                + (taken.size() > 10 ? ", …" : "") + ". Nothing was imported.");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Participant> added = new ArrayList<>(list.size());
        for (ParticipantDetails d : list) {
            Participant p = new Participant();
            p.id = UUID.randomUUID();
            p.engagementId = engagementId;
            apply(p, d);
            p.createdAt = now;
            p.updatedAt = now;
            p.persist();
            added.add(p);
        }
        Participant.flush();
        for (Participant p : added) {
            outbox.record(EventTypes.PARTICIPANT_ADDED, engagementId, p.id, participantChanged(p));
        }
        return added;
    }

    public Participant updateParticipant(
            UUID engagementId, UUID participantId, @Nullable Long expectedVersion, ParticipantDetails d) {
        lockMembership(engagementId);
        engagements.writable(engagementId, null);
        Participant p = participant(engagementId, participantId);
        DomainException.requireVersion(expectedVersion, p.version);
        requirePartyOf(engagementId, d.partyId());
        requireUniqueEmail(engagementId, d.email(), participantId);
        if (!p.partyId.equals(d.partyId())) {
            // leading one party does not make a person the lead of the next: the grant goes
            partyLeads.grantEnds(p.id);
        }
        apply(p, d);
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Participant.flush();
        outbox.record(EventTypes.PARTICIPANT_UPDATED, engagementId, p.id, participantChanged(p));
        return p;
    }

    public void removeParticipant(UUID engagementId, UUID participantId, @Nullable Long expectedVersion) {
        engagements.writable(engagementId, null);
        Participant p = participant(engagementId, participantId);
        DomainException.requireVersion(expectedVersion, p.version);
        partyLeads.grantEnds(p.id);
        p.delete();
        outbox.record(EventTypes.PARTICIPANT_REMOVED, engagementId, p.id, participantChanged(p));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Participant participant(UUID engagementId, UUID participantId) {
        Engagement e = engagements.visible(engagementId);
        return Participant.<Participant>find("id = ?1 and engagementId = ?2", participantId, e.id)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Participant", participantId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Participant> participants(
            UUID engagementId,
            @Nullable UUID partyId,
            Participant.@Nullable Role role,
            @Nullable OffsetDateTime updatedSince,
            int page,
            int pageSize) {
        Engagement e = engagements.visible(engagementId);
        List<String> where = new ArrayList<>(List.of("engagementId = :engagement"));
        Map<String, Object> params = new HashMap<>(Map.of("engagement", e.id));
        if (partyId != null) {
            where.add("partyId = :party");
            params.put("party", partyId);
        }
        if (role != null) {
            where.add("role = :role");
            params.put("role", role);
        }
        UpdatedSince.restrict(where, params, updatedSince);
        var q = Participant.<Participant>find(String.join(" and ", where), Sort.ascending("displayName", "id"), params);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    private static void apply(Participant p, ParticipantDetails d) {
        p.partyId = d.partyId();
        p.displayName = d.displayName().strip();
        String email = d.email();
        p.email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        p.role = d.role();
        String language = d.language();
        p.language = language == null ? "nl" : language;
        Boolean optOut = d.messagesOptOut();
        p.messagesOptOut = optOut != null && optOut;
    }

    private static void requirePartyOf(UUID engagementId, UUID partyId) {
        if (Party.count("id = ?1 and engagementId = ?2", partyId, engagementId) == 0) {
            throw DomainException.invalid("partyId", "no party " + partyId + " in this engagement");
        }
    }

    private static void requireUniqueName(UUID engagementId, String name, @Nullable UUID except) {
        Party.<Party>find(
                        "engagementId = ?1 and lower(name) = ?2 and id <> ?3",
                        engagementId,
                        name.strip().toLowerCase(Locale.ROOT),
                        except == null ? new UUID(0, 0) : except)
                .firstResultOptional()
                .ifPresent(same -> {
                    throw DomainException.conflict("This engagement already has a party named '" + same.name + "' ("
                            + same.id + "); party names are unique within an engagement, whatever their case.");
                });
    }

    /**
     * Parties and participants of one engagement are changed one transaction at a time: a uniqueness
     * check (party name, e-mail address) and the insert must see each other, or two concurrent adds
     * of one name end in a constraint error instead of a 409. Locked before it is read, so that the
     * checks that follow see the engagement as the lock holder left it (locking an entity already read
     * would compare versions and fail when another change came in between).
     */
    private static void lockMembership(UUID engagementId) {
        Engagement.findById(engagementId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void requireUniqueEmail(UUID engagementId, @Nullable String email, @Nullable UUID except) {
        if (email == null) {
            return;
        }
        long same = Participant.count(
                "engagementId = ?1 and email = ?2 and id <> ?3",
                engagementId,
                email.strip().toLowerCase(Locale.ROOT),
                except == null ? new UUID(0, 0) : except);
        if (same > 0) {
            throw DomainException.conflict("Another participant of this engagement already uses that e-mail address.");
        }
    }

    private static EngagementEvents.PartyChanged partyChanged(Party p) {
        return new EngagementEvents.PartyChanged(p.id, p.engagementId, p.tenant, p.name, p.type.name());
    }

    private static EngagementEvents.ParticipantChanged participantChanged(Participant p) {
        return new EngagementEvents.ParticipantChanged(p.id, p.engagementId, p.partyId, p.tenant, p.role.name());
    }
}
