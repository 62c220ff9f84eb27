package org.dialoog.conventions.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The production profile recognises the development key, and only that key. */
class DevelopmentKeyGuardTest {

    @Test
    void recognisesTheDevelopmentPublicKey() throws IOException {
        Path devKey = Path.of("..", "deploy", "local", "src", "main", "resources", "dev-keys", "public.pem");
        assertThat(DevelopmentKeyGuard.isDevelopmentKey(Files.readString(devKey)))
                .isTrue();
    }

    @Test
    void acceptsAnyOtherKey() throws NoSuchAlgorithmException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String other = Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        assertThat(DevelopmentKeyGuard.isDevelopmentKey(
                        "-----BEGIN PUBLIC KEY-----\n" + other + "\n-----END PUBLIC KEY-----"))
                .isFalse();
    }
}
