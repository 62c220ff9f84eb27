package org.dialoog.feedback.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The personal answer link of a round: the configured template with the round and the token filled in. */
final class RoundLinks {

    private RoundLinks() {}

    static String respondLink(String template, UUID roundId, String token) {
        // tokens are base64url already; encoding keeps a template's query or fragment well-formed all the same
        return template.replace("{roundId}", roundId.toString())
                .replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
