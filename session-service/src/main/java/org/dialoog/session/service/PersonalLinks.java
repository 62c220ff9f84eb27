package org.dialoog.session.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.config.ApiConfig;
import org.dialoog.session.PersonalLink;
import org.dialoog.session.config.LinksConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Personal links: a new random code for every message that carries one, of which only the SHA-256
 * is stored, and the URL a message shows for it ({@link LinksConfig}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;

    PersonalLinks(LinksConfig links, ApiConfig api, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.base = strip(links.baseUrl()
                .filter(b -> !b.isBlank())
                .orElseGet(() -> strip(api.publicBaseUrl().map(Object::toString).orElse("http://localhost:" + port))
                        + "/api/v1"));
    }

    /** A new code for {@code subjectId} of {@code targetId}; only its hash is kept. Returns the code. */
    public String issue(PersonalLink.Kind kind, UUID subjectId, UUID targetId) {
        String code = newCode();
        remember(code, kind, subjectId, targetId);
        return code;
    }

    /** Keeps the hash of a code made elsewhere (a registration's sign-up code), so it opens the same link. */
    public void remember(String code, PersonalLink.Kind kind, UUID subjectId, UUID targetId) {
        PersonalLink link = new PersonalLink();
        link.codeHash = hash(code);
        link.kind = kind;
        link.subjectId = subjectId;
        link.targetId = targetId;
        link.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
        link.persist();
    }

    /** A new code and its full URL, for a message. */
    public String issueUrl(PersonalLink.Kind kind, UUID subjectId, UUID targetId) {
        return url(kind, issue(kind, subjectId, targetId));
    }

    /** The URL a message shows for {@code code}. */
    public String url(PersonalLink.Kind kind, String code) {
        return base + "/" + path(kind) + "/" + code;
    }

    /** The link of the caller's tenant with this code, of this kind; empty for any other code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonalLink> find(PersonalLink.Kind kind, String code) {
        return PersonalLink.<PersonalLink>findByIdOptional(hash(code)).filter(l -> l.kind == kind);
    }

    /** The public path segment of a kind of link. */
    public static String path(PersonalLink.Kind kind) {
        return switch (kind) {
            case INVITATION -> "personal-invitations";
            case POLL -> "personal-polls";
            case REGISTRATION -> "personal-registrations";
        };
    }

    /** 24 random bytes, base64url: 192 bits nobody guesses. */
    static String newCode() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a code: its SHA-256, hex. */
    public static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
