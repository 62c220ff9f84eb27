package org.dialoog.session;

/** On site, online or both. */
public enum LocationMode {
    ON_SITE,
    ONLINE,
    HYBRID
}
