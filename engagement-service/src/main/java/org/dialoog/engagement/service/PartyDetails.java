package org.dialoog.engagement.service;

import org.dialoog.engagement.PartyType;

/** A party's editable fields, as an add sets them or a change replaces them. */
public record PartyDetails(String name, PartyType type, String interests) {}
