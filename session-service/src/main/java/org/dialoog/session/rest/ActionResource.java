package org.dialoog.session.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.QueryTimes;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.ActionFilter;
import org.dialoog.session.ActionStatus;
import org.dialoog.session.service.OutcomeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** The action items of session outcomes, across an engagement's sessions. */
@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Outcomes",
        description = "What sessions produced: notes per agenda item, decisions, open questions, action items")
public class ActionResource {

    private final OutcomeService service;

    ActionResource(OutcomeService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "Action")
    @Operation(
            operationId = "listActions",
            summary = "List action items",
            description = "The action items of the outcomes of sessions the caller may see (facilitators: the "
                    + "engagements they facilitate; clients: those that name them as contact; party leads: the engagements in "
                    + "which their grant holds a right, every party's actions, so a party sees what the others owe), earliest due date first, "
                    + "those without one last. Change one with PATCH /sessions/{sessionId}/outcome/actions/{actionId}.")
    public Response list(
            @QueryParam("engagementId") @Parameter(description = "Only this engagement's actions") @Nullable
                    UUID engagementId,
            @QueryParam("sessionId") @Parameter(description = "Only this session's actions") @Nullable UUID sessionId,
            @QueryParam("status") @Parameter(description = "Only actions in this status") @Nullable ActionStatus status,
            @QueryParam("overdue")
                    @Parameter(
                            description = "true: only OPEN actions whose due date is before today (UTC); false: only "
                                    + "those that are not overdue",
                            example = "true")
                    @Nullable
                    Boolean overdue,
            @QueryParam("ownerPartyId") @Parameter(description = "Only actions this party owns") @Nullable
                    UUID ownerPartyId,
            @QueryParam("updatedSince")
                    @Parameter(description = QueryTimes.UPDATED_SINCE, example = QueryTimes.UPDATED_SINCE_EXAMPLE)
                    @Nullable
                    String updatedSince,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        var filter = new ActionFilter(
                engagementId, sessionId, status, overdue, ownerPartyId, QueryTimes.parse("updatedSince", updatedSince));
        var today = OutcomeService.today();
        return Pages.ok(service.actions(filter, page, pageSize).map(a -> OutcomeView.ActionView.of(a, today)), uri);
    }
}
