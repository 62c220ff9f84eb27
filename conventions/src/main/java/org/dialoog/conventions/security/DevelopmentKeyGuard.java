package org.dialoog.conventions.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start in the production profile with the development key pair of deploy/local:
 * its private half is in the repository, so anyone could mint tokens for it.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    /** A piece of the development public key (deploy/local/src/main/resources/dev-keys/public.pem). */
    static final String DEVELOPMENT_KEY_FRAGMENT = "CAQEAkvc3ihYEb5NWgPKhxLsqGtUgorJupr/15lctzEn/NyA/Lc9kVoGU83y2";

    void check(
            @Observes StartupEvent event,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inline) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        String key = inline.orElse("") + location.map(DevelopmentKeyGuard::read).orElse("");
        if (isDevelopmentKey(key)) {
            throw new IllegalStateException(
                    "Refusing to start: the production profile is configured with the development "
                            + "key of deploy/local. Point DIALOOG_JWT_PUBLIC_KEY_LOCATION at your identity provider's JWKS URL.");
        }
    }

    static boolean isDevelopmentKey(String keyText) {
        return keyText.replaceAll("\\s", "").contains(DEVELOPMENT_KEY_FRAGMENT);
    }

    private static String read(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return "";
        }
        try {
            String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
            if (Files.exists(Path.of(path))) {
                return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
