package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.Participant;
import org.dialoog.engagement.PartyLead;
import org.dialoog.engagement.events.EngagementEvents;
import org.dialoog.engagement.events.EventTypes;
import org.jspecify.annotations.Nullable;

/**
 * Party leads (trekkers, issue #19): a facilitator grants a participant with an account rights in one
 * engagement, step by step, and takes them back. The grants decide what a caller with the {@code party-lead}
 * role may do here; they are published so that the other services can decide the same.
 */
@ApplicationScoped
@Transactional
public class PartyLeadService {

    private final EngagementService engagements;
    private final Outbox outbox;
    private final Caller caller;

    PartyLeadService(EngagementService engagements, Outbox outbox, Caller caller) {
        this.engagements = engagements;
        this.outbox = outbox;
        this.caller = caller;
    }

    public PartyLead grant(UUID engagementId, UUID participantId, String userId, Set<PartyLead.Right> rights) {
        Engagement e = engagements.writable(engagementId, null);
        Participant p = Participant.<Participant>find("id = ?1 and engagementId = ?2", participantId, e.id)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.invalid(
                        "participantId", "no participant " + participantId + " in this engagement"));
        String user = userId.strip();
        if (PartyLead.count("engagementId = ?1 and userId = ?2", e.id, user) > 0) {
            throw DomainException.conflict("User " + user + " already leads a party in this engagement; change "
                    + "that grant's rights or revoke it first.");
        }
        if (PartyLead.count("participantId", p.id) > 0) {
            throw DomainException.conflict("This participant already leads their party; change that grant's rights.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PartyLead lead = new PartyLead();
        lead.id = UUID.randomUUID();
        lead.engagementId = e.id;
        lead.partyId = p.partyId;
        lead.participantId = p.id;
        lead.userId = user;
        lead.rights = names(rights);
        lead.grantedBy = caller.userId();
        lead.createdAt = now;
        lead.updatedAt = now;
        lead.persistAndFlush();
        outbox.record(EventTypes.PARTY_LEAD_GRANTED, e.id, lead.id, changed(lead));
        return lead;
    }

    public PartyLead changeRights(
            UUID engagementId, UUID leadId, @Nullable Long expectedVersion, Set<PartyLead.Right> rights) {
        Engagement e = engagements.writable(engagementId, null);
        PartyLead lead = lead(e.id, leadId);
        DomainException.requireVersion(expectedVersion, lead.version);
        lead.rights = names(rights);
        lead.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        PartyLead.flush();
        outbox.record(EventTypes.PARTY_LEAD_UPDATED, e.id, lead.id, changed(lead));
        return lead;
    }

    public void revoke(UUID engagementId, UUID leadId, @Nullable Long expectedVersion) {
        Engagement e = engagements.writable(engagementId, null);
        PartyLead lead = lead(e.id, leadId);
        DomainException.requireVersion(expectedVersion, lead.version);
        revoke(lead);
    }

    /** Takes the grant of a participant who leaves the engagement or moves to another party. */
    public void grantEnds(UUID participantId) {
        PartyLead.<PartyLead>find("participantId", participantId)
                .firstResultOptional()
                .ifPresent(this::revoke);
    }

    private void revoke(PartyLead lead) {
        lead.rights = new String[0];
        outbox.record(EventTypes.PARTY_LEAD_REVOKED, lead.engagementId, lead.id, changed(lead));
        lead.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartyLead> list(UUID engagementId) {
        Engagement e = engagements.visible(engagementId);
        return PartyLead.list("engagementId", Sort.by("createdAt").and("id"), e.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartyLead get(UUID engagementId, UUID leadId) {
        return lead(engagements.visible(engagementId).id, leadId);
    }

    /** The caller's own grant in the engagement, when the caller is a party lead there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PartyLead> callersGrant(UUID engagementId) {
        if (!caller.is(Caller.PARTY_LEAD)) {
            return Optional.empty();
        }
        return PartyLead.find("engagementId = ?1 and userId = ?2", engagementId, caller.userId())
                .firstResultOptional();
    }

    private static PartyLead lead(UUID engagementId, UUID leadId) {
        return PartyLead.<PartyLead>find("id = ?1 and engagementId = ?2", leadId, engagementId)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Party lead", leadId));
    }

    private static String[] names(Set<PartyLead.Right> rights) {
        Set<String> sorted = new TreeSet<>();
        rights.forEach(r -> sorted.add(r.name()));
        return sorted.toArray(String[]::new);
    }

    private static EngagementEvents.PartyLeadChanged changed(PartyLead l) {
        return new EngagementEvents.PartyLeadChanged(
                l.id, l.engagementId, l.partyId, l.tenant, l.userId, List.of(l.rights));
    }
}
