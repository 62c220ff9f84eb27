package org.dialoog.session.service;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.messaging.EventInbox;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.KnownParty;
import org.dialoog.session.KnownPartyLead;
import org.jspecify.annotations.Nullable;

/** Applies engagement facts to session-service's own copy of them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EngagementReadModel {

    private final SessionService sessions;
    private final EventInbox inbox;

    EngagementReadModel(SessionService sessions, EventInbox inbox) {
        this.sessions = sessions;
        this.inbox = inbox;
    }

    public void upsert(
            UUID id, String title, String status, String[] facilitators, String[] clientContacts, long version) {
        KnownEngagement e = KnownEngagement.findById(id);
        boolean isNew = e == null;
        if (isNew) {
            e = new KnownEngagement();
            e.id = id;
        } else if (version < e.sourceVersion) {
            return;
        }
        e.title = title;
        e.status = status;
        e.facilitators = facilitators;
        e.clientContacts = clientContacts;
        e.sourceVersion = version;
        if (isNew) {
            e.persist();
        }
    }

    public void changeStatus(UUID id, String status, @Nullable String reason) {
        KnownEngagement e = KnownEngagement.findById(id);
        if (e == null) {
            e = new KnownEngagement();
            e.id = id;
            e.title = "";
            e.facilitators = new String[0];
            e.clientContacts = new String[0];
            e.status = status;
            e.persist();
        }
        e.status = status;
        if ("CONCLUDED".equals(status) || "CANCELLED".equals(status)) {
            sessions.cancelUpcoming(
                    id,
                    "The engagement was " + status.toLowerCase(Locale.ROOT)
                            + (reason == null || reason.isBlank() ? "." : ": " + reason));
        }
    }

    /** A party of an engagement, which may own action items of its sessions' outcomes. */
    public void party(UUID id, UUID engagementId) {
        KnownParty p = KnownParty.findById(id);
        if (p == null) {
            p = new KnownParty();
            p.id = id;
            p.engagementId = engagementId;
            p.persist();
        } else {
            p.engagementId = engagementId;
        }
    }

    /** A removed party owns no new action items; the actions it owned stay as history. */
    public void partyRemoved(UUID id) {
        KnownParty.deleteById(id);
    }

    /** A participant joined or changed party; invitations made before keep the party they had then. */
    public void participant(UUID id, UUID engagementId, UUID partyId) {
        KnownParticipant p = KnownParticipant.findById(id);
        if (p == null) {
            p = new KnownParticipant();
            p.id = id;
            p.engagementId = engagementId;
            p.partyId = partyId;
            p.persist();
        } else {
            p.engagementId = engagementId;
            p.partyId = partyId;
        }
    }

    /** A removed participant can no longer be invited; existing invitations and attendance stay as history. */
    public void participantRemoved(UUID id) {
        KnownParticipant.deleteById(id);
    }

    /** A party lead's grant: granted, its rights changed, or revoked (no rights). */
    public void partyLead(UUID id, UUID engagementId, UUID partyId, String userId, String[] rights) {
        KnownPartyLead l = KnownPartyLead.findById(id);
        boolean isNew = l == null;
        if (isNew) {
            l = new KnownPartyLead();
            l.id = id;
        }
        l.engagementId = engagementId;
        l.partyId = partyId;
        l.userId = userId;
        l.rights = rights;
        if (isNew) {
            l.persist();
        }
    }

    public void forget(UUID id) {
        KnownEngagement.deleteById(id);
    }

    /**
     * Drops the caller's tenant's engagements, parties and participants, and the marks of the events
     * {@code consumer} applied for it, so that replaying the topic builds them again. Commits on
     * its own, before the consumer is rewound.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void forgetTenant(String consumer) {
        // bulk deletes are tenant-scoped by Hibernate like every other query
        KnownEngagement.deleteAll();
        KnownParticipant.deleteAll();
        KnownParty.deleteAll();
        KnownPartyLead.deleteAll();
        inbox.forget(consumer);
    }
}
