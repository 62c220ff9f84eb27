package org.dialoog.engagement;

/** What kind of stakeholder group a party is. */
public enum PartyType {
    ORGANISATION,
    DEPARTMENT,
    TEAM,
    RESIDENTS,
    MUNICIPALITY,
    BUSINESS,
    INTEREST_GROUP,
    OTHER
}
