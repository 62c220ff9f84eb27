package org.dialoog.engagement.service;

import java.util.UUID;

import org.dialoog.engagement.Participant;
import org.jspecify.annotations.Nullable;

/** A participant's editable fields, as an add or an import sets them or a change replaces them. */
public record ParticipantDetails(
        UUID partyId,
        String displayName,
        @Nullable String email,
        Participant.Role role,
        @Nullable String language,
        @Nullable Boolean messagesOptOut) {}
