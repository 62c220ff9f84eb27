package org.dialoog.engagement;

/** The phases of organisational dialogue, in their forward order. */
public enum Phase {
    EXPLORATION,
    DIALOGUE,
    CONVERGENCE,
    HANDOVER
}
