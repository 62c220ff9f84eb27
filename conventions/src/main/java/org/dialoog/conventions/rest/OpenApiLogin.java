package org.dialoog.conventions.rest;

import java.util.Optional;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Lets Swagger UI log in with the identity provider the services trust: when
 * {@code DIALOOG_OIDC_DISCOVERY_URL} is set, the served document's one scheme, {@code bearer},
 * says where that provider's OpenID Connect discovery document is (authorization code + PKCE
 * with the {@code dialoog-frontend} client, see the Swagger UI settings). Without it the scheme
 * stays a plain bearer token, as in the document the build writes.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiLogin implements OASFilter {

    /** The provider's {@code …/.well-known/openid-configuration}. */
    static final String DISCOVERY_URL = "dialoog.oidc.discovery-url";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> discovery = ConfigProvider.getConfig().getOptionalValue(DISCOVERY_URL, String.class);
        if (discovery.isEmpty() || openAPI.getComponents() == null) {
            return;
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        OpenApiConventions.BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl(discovery.get())
                                .description("A bearer JWT from the identity provider; Swagger UI logs in with "
                                        + "authorization code + PKCE"));
    }
}
