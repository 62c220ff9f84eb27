package org.dialoog.engagement.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.mail.Addressee;
import org.dialoog.engagement.Participant;

/** Finds the participant a message request names, in the caller's tenant: where their address lives. */
@ApplicationScoped
public class MessageRecipients {

    /** The participant of that engagement, if they (still) exist; a participant of another engagement is nobody. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Addressee> participant(UUID engagementId, UUID participantId) {
        return Participant.<Participant>find("id = ?1 and engagementId = ?2", participantId, engagementId)
                .firstResultOptional()
                .map(p -> new Addressee(p.email, p.displayName, p.language, p.messagesOptOut));
    }
}
