package org.dialoog.session.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the personal links in messages point. */
@ConfigMapping(prefix = "dialoog.links")
public interface LinksConfig {

    /**
     * The start of every personal link (environment {@code DIALOOG_LINKS_BASE_URL}); a link is this plus
     * {@code /personal-invitations/<code>}, {@code /personal-polls/<code>} or {@code /personal-registrations/<code>}.
     * Unset, it is the API itself: {@code dialoog.api.public-base-url} (or, in development, this service's own
     * address) plus {@code /api/v1}. A frontend can put its own pages here and call the API with the code.
     */
    Optional<String> baseUrl();
}
