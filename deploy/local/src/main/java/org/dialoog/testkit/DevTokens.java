package org.dialoog.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * DEVELOPMENT ONLY: mints RS256 bearer tokens signed with the development key pair in
 * {@code deploy/local/src/main/resources/dev-keys}. Production refuses that key. Depends on the
 * JDK alone, so it also runs as a one-file program:
 * {@code java deploy/local/src/main/java/org/dialoog/testkit/DevTokens.java <sub> <roles,comma> <org> [ttlSeconds]}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://dialoog.local/dev";
    public static final String AUDIENCE = "dialoog";
    private static final String KEY_RESOURCE = "dev-keys/private.pem";

    private DevTokens() {}

    /** Where services find the public half: the classpath resource inside this jar. */
    public static String publicKeyLocation() {
        return "dev-keys/public.pem";
    }

    /** A token valid for an hour. */
    public static String mint(String sub, List<String> roles, String org) {
        return mint(sub, roles, org, Instant.now().plusSeconds(3600));
    }

    public static String mint(String sub, List<String> roles, String org, Instant expiresAt) {
        return sign(object(claims(sub, roles, org, ISSUER, AUDIENCE, expiresAt)), loadKey());
    }

    /** A token with chosen issuer and audience, for tests that prove wrong ones are refused. */
    public static String mint(String sub, List<String> roles, String org, String issuer, String audience) {
        return sign(
                object(claims(sub, roles, org, issuer, audience, Instant.now().plusSeconds(3600))), loadKey());
    }

    /** A token whose signature does not match (signed, then one byte of the signature changed). */
    public static String tampered(String sub, List<String> roles, String org) {
        String token = mint(sub, roles, org);
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    /**
     * A token like {@link #mint(String, List, String)} without one of its claims ({@code "sub"},
     * {@code "org"}, …), for tests that prove such a token is refused. {@code upn} stays, so the
     * token still verifies and names a principal.
     */
    public static String mintWithout(String claim, String sub, List<String> roles, String org) {
        Map<String, String> claims =
                claims(sub, roles, org, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600));
        if (claims.remove(claim) == null) {
            throw new IllegalArgumentException(
                    "No claim '" + claim + "' to leave out; the claims are " + claims.keySet());
        }
        return sign(object(claims), loadKey());
    }

    /** The claims in order, each value already written as JSON. */
    private static Map<String, String> claims(
            String sub, List<String> roles, String org, String issuer, String audience, Instant exp) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("iss", quoted(issuer));
        claims.put("aud", quoted(audience));
        claims.put("sub", quoted(sub));
        claims.put("upn", quoted(sub));
        claims.put("org", quoted(org));
        claims.put("groups", roles.stream().map(DevTokens::quoted).collect(Collectors.joining(",", "[", "]")));
        claims.put("iat", Long.toString(Instant.now().getEpochSecond()));
        claims.put("exp", Long.toString(exp.getEpochSecond()));
        claims.put("jti", quoted(UUID.randomUUID().toString()));
        return claims;
    }

    private static String object(Map<String, String> claims) {
        return claims.entrySet().stream()
                .map(c -> quoted(c.getKey()) + ":" + c.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String sign(String claims, PrivateKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dialoog-dev\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey loadKey() {
        try {
            String pem;
            try (InputStream in = DevTokens.class.getClassLoader() == null
                    ? null
                    : DevTokens.class.getClassLoader().getResourceAsStream(KEY_RESOURCE)) {
                pem = in != null
                        ? new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        : Files.readString(keyFile());
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the development private key", e);
        }
    }

    private static Path keyFile() {
        String configured = System.getenv("DIALOOG_DEV_PRIVATE_KEY");
        return Path.of(configured != null ? configured : "deploy/local/src/main/resources/" + KEY_RESOURCE);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--local-stack")) {
            // The ready-made tokens the local stack writes to its tokens file (shell syntax).
            Instant exp = Instant.now().plusSeconds(12 * 3600);
            System.out.println("# DEVELOPMENT ONLY: tokens signed with the development key, valid 12 hours.");
            System.out.println("ADMIN_TOKEN=" + mint("demo-admin", List.of("admin"), "demo", exp));
            System.out.println("FACILITATOR_TOKEN=" + mint("demo-facilitator", List.of("facilitator"), "demo", exp));
            System.out.println("INTEGRATION_TOKEN=" + mint("demo-integration", List.of("integration"), "demo", exp));
            System.out.println("CLIENT_TOKEN=" + mint("demo-client", List.of("client"), "demo", exp));
            System.out.println("PARTY_LEAD_TOKEN=" + mint("demo-party-lead", List.of("party-lead"), "demo", exp));
            System.out.println(
                    "OTHER_FACILITATOR_TOKEN=" + mint("other-facilitator", List.of("facilitator"), "other", exp));
            return;
        }
        if (args.length < 3) {
            System.err.println("usage: DevTokens <sub> <role[,role…]> <org> [ttlSeconds]");
            System.exit(2);
        }
        long ttl = args.length > 3 ? Long.parseLong(args[3]) : 8 * 3600;
        System.out.println(mint(
                args[0], List.of(args[1].split(",")), args[2], Instant.now().plusSeconds(ttl)));
    }
}
