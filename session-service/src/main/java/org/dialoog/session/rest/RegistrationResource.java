package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.vertx.core.http.HttpServerRequest;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.RateLimits;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.Registration;
import org.dialoog.session.service.RegistrationService;
import org.dialoog.session.store.PublicSessions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Public sign-up for open sessions such as citizen evenings; no account needed. */
@Path("/api/v1/sessions/{sessionId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Registrations",
        description = "Public sign-up for open sessions, sharing the session's seats with invitations")
public class RegistrationResource {

    static final String RATE_LIMITED =
            " Unauthenticated; limited per client address and per session (429 with Retry-After).";

    private final RegistrationService service;
    private final PublicSessions publicSessions;
    private final Caller caller;
    private final RateLimits rateLimits;

    RegistrationResource(
            RegistrationService service, PublicSessions publicSessions, Caller caller, RateLimits rateLimits) {
        this.service = service;
        this.publicSessions = publicSessions;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    /** A member of the public signing up. */
    @Schema(name = "RegistrationRequest")
    public record RegistrationRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Fatima el Amrani")
            String name,

            @NotBlank @Email @Size(max = 320) @Schema(examples = "fatima@example.nl")
            String email,

            @Pattern(regexp = "nl|en", message = "must be nl or en")
            @Schema(
                    description = "The language of the mails about this registration (confirmation, waitlist, "
                            + "reminders, changes): nl (default) or en",
                    examples = "nl",
                    nullable = true)
            @Nullable
            String language) {}

    /** The answer to a sign-up: keep the code, it is the only way to cancel and is not shown again. */
    @Schema(name = "RegistrationReceipt")
    public record Receipt(
            UUID id,
            UUID sessionId,
            Registration.Status status,

            @Schema(
                    description = "Shown once; needed to cancel",
                    examples = "q3V8v0yJ1kq9Xj3cXQp2b7c8ZrT4mN1a",
                    nullable = true)
            @Nullable
            String code,

            OffsetDateTime registeredAt) {}

    /** The registration code, to cancel. */
    @Schema(name = "RegistrationCancellation")
    public record Cancellation(@NotBlank @Size(max = 100) String code) {}

    /** A registration as facilitators see it. */
    @Schema(name = "Registration")
    public record RegistrationView(
            UUID id,
            UUID sessionId,
            String name,
            String email,

            @Schema(description = "The language of the mails about this registration", examples = "nl")
            String language,

            Registration.Status status,
            OffsetDateTime registeredAt,
            @Schema(nullable = true) @Nullable OffsetDateTime waitlistedAt,
            @Schema(nullable = true) @Nullable OffsetDateTime cancelledAt) {
        static RegistrationView of(Registration r) {
            return new RegistrationView(
                    r.id,
                    r.sessionId,
                    r.name,
                    r.email,
                    r.language,
                    r.status,
                    r.registeredAt,
                    r.waitlistedAt,
                    r.cancelledAt);
        }
    }

    @POST
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "createRegistration",
            summary = "Register for an open session",
            description = "For sessions with openRegistration, before they start. "
                    + "CONFIRMED while a seat is free (seats are shared with accepted invitations), otherwise WAITLISTED; a freed seat "
                    + "goes to whoever waited longest. One registration per e-mail address (409)." + RATE_LIMITED)
    @APIResponse(
            responseCode = "201",
            description = "Registered; the code is in the body and nowhere else",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    public Response register(
            @PathParam("sessionId") UUID sessionId,
            @NotNull @Valid RegistrationRequest request,
            @Context HttpServerRequest http,
            @Context UriInfo uri) {
        actForSessionTenant(sessionId, http);
        var registered = service.register(
                sessionId, request.name(), request.email(), request.language() == null ? "nl" : request.language());
        Registration r = registered.registration();
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/sessions/{s}/registrations/{id}")
                        .build(sessionId, r.id))
                .entity(new Receipt(r.id, r.sessionId, r.status, registered.code(), r.registeredAt))
                .build();
    }

    @POST
    @Path("/cancellation")
    @PermitAll
    @Extension(name = OpenApiConventions.PUBLIC, value = "true")
    @Operation(
            operationId = "cancelRegistration",
            summary = "Cancel a registration with its code",
            description = "A confirmed seat goes to the first on the "
                    + "waitlist. Cancelling twice answers the cancelled registration again; an unknown code is a 404."
                    + RATE_LIMITED)
    @APIResponse(
            responseCode = "200",
            description = "The cancelled registration (without name or e-mail)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    public Receipt cancel(
            @PathParam("sessionId") UUID sessionId,
            @NotNull @Valid Cancellation request,
            @Context HttpServerRequest http) {
        actForSessionTenant(sessionId, http);
        Registration r = service.cancel(sessionId, request.code().strip());
        return new Receipt(r.id, r.sessionId, r.status, null, r.registeredAt);
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Registration")
    @Operation(
            operationId = "listRegistrations",
            summary = "List a session's registrations",
            description = "With names and e-mail addresses: only for the " + "engagement's facilitators and admins.")
    public Response list(
            @PathParam("sessionId") UUID sessionId,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.list(sessionId, page, pageSize).map(RegistrationView::of), uri);
    }

    @GET
    @Path("/{registrationId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(operationId = "getRegistration", summary = "Get one registration")
    public RegistrationView get(@PathParam("sessionId") UUID sessionId, @PathParam("registrationId") UUID id) {
        return RegistrationView.of(service.find(sessionId, id));
    }

    /** Counts the request against the limits, then acts for the session's tenant (404 for a session that does not exist). */
    private void actForSessionTenant(UUID sessionId, HttpServerRequest http) {
        rateLimits.take("session", http, sessionId);
        String tenant =
                publicSessions.tenantOf(sessionId).orElseThrow(() -> DomainException.notFound("Session", sessionId));
        caller.actForTenant(tenant);
    }
}
