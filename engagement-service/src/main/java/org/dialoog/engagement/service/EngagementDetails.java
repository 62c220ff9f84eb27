package org.dialoog.engagement.service;

import java.time.LocalDate;
import java.util.List;

import org.dialoog.engagement.EngagementKind;
import org.dialoog.engagement.Objective;

/** An engagement's editable fields, as a create sets them or a change replaces them; validated by the adapter that built it. */
public record EngagementDetails(
        String title,
        String description,
        EngagementKind kind,
        String clientOrganisation,
        List<Objective> objectives,
        LocalDate startDate,
        LocalDate endDate,
        String caseReference,
        List<String> facilitators,
        List<String> clientContacts,
        boolean clientContactsSeePersonalData) {}
