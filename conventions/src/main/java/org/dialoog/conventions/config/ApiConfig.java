package org.dialoog.conventions.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public API's settings. */
@ConfigMapping(prefix = "dialoog.api")
public interface ApiConfig {

    /** The full API version, returned in every response's {@code API-Version} header. */
    @WithDefault("1.0.0")
    String version();

    /**
     * Where clients reach the API, as {@code scheme://host[:port]} without a path (for example
     * {@code https://api.dialoog.example}; environment {@code DIALOOG_PUBLIC_BASE_URL}): every
     * {@code Location} and {@code Link} header starts here. Unset, they start at the address the
     * connection arrived at; never at the request's {@code Host} or {@code X-Forwarded-Host} header,
     * which the client chooses.
     */
    Optional<URI> publicBaseUrl();
}
