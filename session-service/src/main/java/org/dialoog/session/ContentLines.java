package org.dialoog.session;

/**
 * RFC 5545 section 3.1 line folding: no line longer than 75 octets of UTF-8 (line break excluded),
 * continued on the next line after one space, never inside a multi-byte character.
 */
public final class ContentLines {

    public static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private ContentLines() {}

    /** Folds every line of {@code text}; lines may end in CRLF or LF, the result's all end in CRLF. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append(CRLF);
        }
        return out.toString();
    }
}
