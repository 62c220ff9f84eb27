package org.dialoog.feedback.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.messaging.IncomingEvent;
import org.dialoog.feedback.KnownEngagement;
import org.dialoog.feedback.KnownParticipant;
import org.dialoog.feedback.KnownParty;

/**
 * feedback-service's picture of engagements (who may see their feedback), parties and
 * participants (who may answer, for which party), kept from engagement events; each call runs in
 * the consumer's transaction, which also records the event as applied.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EngagementReadModel {

    /** A party added or updated. */
    public void partySeen(IncomingEvent e) {
        KnownParty p = KnownParty.findById(e.uuid("partyId"));
        boolean isNew = p == null;
        if (isNew) {
            p = new KnownParty();
            p.id = e.uuid("partyId");
        }
        p.engagementId = e.uuid("engagementId");
        p.name = e.text("name");
        if (isNew) {
            p.persist();
        }
    }

    public void partyRemoved(IncomingEvent e) {
        KnownParty.deleteById(e.uuid("partyId"));
    }

    /** A participant added or updated: ids and party only, never a name or an e-mail address. */
    public void participantSeen(IncomingEvent e) {
        UUID id = e.uuid("participantId");
        KnownParticipant p = KnownParticipant.findById(id);
        boolean isNew = p == null;
        if (isNew) {
            p = new KnownParticipant();
            p.id = id;
        }
        p.engagementId = e.uuid("engagementId");
        p.partyId = e.uuid("partyId");
        if (isNew) {
            p.persist();
        }
    }

    public void participantRemoved(IncomingEvent e) {
        KnownParticipant.deleteById(e.uuid("participantId"));
    }

    /** An engagement created or updated; an event older than the last one applied changes nothing. */
    public void engagementSeen(IncomingEvent e) {
        UUID id = e.uuid("engagementId");
        long version = e.data().path("version").asLong();
        KnownEngagement k = KnownEngagement.findById(id);
        boolean isNew = k == null;
        if (isNew) {
            k = new KnownEngagement();
            k.id = id;
        } else if (version < k.sourceVersion) {
            return;
        }
        k.status = e.text("status");
        k.facilitators = e.texts("facilitators");
        k.clientContacts = e.texts("clientContacts");
        k.sourceVersion = version;
        if (isNew) {
            k.persist();
        }
    }

    public void statusChanged(IncomingEvent e) {
        KnownEngagement k = KnownEngagement.findById(e.uuid("engagementId"));
        if (k != null) {
            k.status = e.text("to");
        }
    }

    public void engagementDeleted(IncomingEvent e) {
        KnownEngagement.deleteById(e.uuid("engagementId"));
    }
}
