package org.dialoog.engagement.service;

import java.util.UUID;

import org.dialoog.engagement.Participant;

/** A participant's editable fields, as an add or an import sets them or a change replaces them. */
public record ParticipantDetails(UUID partyId, String displayName, String email, Participant.Role role) {}
