package org.dialoog.session.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.mail.Addressee;
import org.dialoog.session.Registration;
import org.dialoog.session.Session;

/** Finds the public registrant a message request names, in the caller's tenant: their address lives here. */
@ApplicationScoped
public class MessageRecipients {

    /** The registration, if it (still) exists and its session belongs to that engagement. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Addressee> registrant(UUID engagementId, UUID registrationId) {
        return Registration.<Registration>findByIdOptional(registrationId)
                .filter(r -> Session.<Session>findByIdOptional(r.sessionId)
                        .map(s -> s.engagementId.equals(engagementId))
                        .orElse(false))
                .map(r -> new Addressee(r.email, r.name, r.language, false));
    }
}
