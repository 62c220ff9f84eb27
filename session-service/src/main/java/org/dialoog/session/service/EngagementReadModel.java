package org.dialoog.session.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.session.KnownEngagement;

/** Applies engagement facts to session-service's own copy of them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EngagementReadModel {

    private final SessionService sessions;

    EngagementReadModel(SessionService sessions) {
        this.sessions = sessions;
    }

    public void upsert(UUID id, String title, String status, String[] facilitators, long version) {
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
        e.sourceVersion = version;
        if (isNew) {
            e.persist();
        }
    }

    public void changeStatus(UUID id, String status, String reason) {
        KnownEngagement e = KnownEngagement.findById(id);
        if (e == null) {
            e = new KnownEngagement();
            e.id = id;
            e.title = "";
            e.facilitators = new String[0];
            e.status = status;
            e.persist();
        }
        e.status = status;
        if ("CONCLUDED".equals(status) || "CANCELLED".equals(status)) {
            sessions.cancelUpcoming(id, "The engagement was " + status.toLowerCase()
                    + (reason == null || reason.isBlank() ? "." : ": " + reason));
        }
    }

    public void forget(UUID id) {
        KnownEngagement.deleteById(id);
    }
}
