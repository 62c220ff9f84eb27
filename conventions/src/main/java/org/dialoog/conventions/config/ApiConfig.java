package org.dialoog.conventions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public API's settings. */
@ConfigMapping(prefix = "dialoog.api")
public interface ApiConfig {

    /** The full API version, returned in every response's {@code API-Version} header. */
    @WithDefault("1.0.0")
    String version();
}
