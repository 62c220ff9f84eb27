package org.dialoog.conventions.logging;

import java.util.regex.Pattern;

/**
 * Paths that hold a secret: the segment after {@code /personal-…/} (personal links) or
 * {@code /calendar-feeds/} that is not a UUID is a code that works without a token. Logs and traces
 * show such a path with {@code {code}} in its place, as the route template does.
 */
public final class SecretPaths {

    private static final Pattern SECRET = Pattern.compile("(/(?:personal-[a-z-]+|calendar-feeds)/)"
            + "(?![0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?:[/?#]|$))"
            + "[^/?#]+");

    private SecretPaths() {}

    /** The path (or URL) with every secret segment replaced by {@code {code}}. */
    public static String redact(String path) {
        return SECRET.matcher(path).replaceAll("$1{code}");
    }
}
