package org.dialoog.engagement.service;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A proposed agreement: its title and first text, the session it came from and the parties it concerns. */
public record AgreementDetails(
        String title, String text, @Nullable UUID sessionId, List<UUID> partyIds) {}
