package org.dialoog.engagement.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description of engagement-service. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Dialoog engagement-service",
                        version = "1.0.0",
                        description =
                                "Engagements (facilitation assignments), their parties (stakeholder groups) and participants. "
                                        + "Every call needs a bearer JWT with the roles in `groups` and the tenant in `org`. "
                                        + "Errors are RFC 9457 problems; collections are paged with `page` and `pageSize` (max 100).",
                        contact =
                                @Contact(
                                        name = "Dialoog team",
                                        email = "api@dialoog.example",
                                        url = "https://dialoog.example/api"),
                        license = @License(name = "EUPL-1.2", url = "https://eupl.eu/1.2/en/")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class EngagementApi extends Application {}
