package org.dialoog.engagement;

/** Why a facilitator was called in (product.md). */
public enum Objective {
    FOSTER_COLLABORATION,
    GUIDE_CULTURE_CHANGE,
    BUILD_TRUST,
    IMPROVE_COMMUNICATION,
    OPEN_UP_COMPLEX_ISSUES,
    MOTIVATE_STAFF,
    TIGHTEN_COLLABORATION,
    MERGE_VISIONS,
    RESTORE_CALM
}
