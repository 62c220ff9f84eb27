package org.dialoog.session.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dialoog.conventions.rest.IdempotentCreate;
import org.dialoog.conventions.rest.OpenApiConventions;
import org.dialoog.conventions.rest.Pages;
import org.dialoog.conventions.rest.Versions;
import org.dialoog.conventions.security.Caller;
import org.dialoog.session.AgendaItem;
import org.dialoog.session.PollVote;
import org.dialoog.session.SchedulingPoll;
import org.dialoog.session.Session;
import org.dialoog.session.SessionType;
import org.dialoog.session.service.PollService;
import org.dialoog.session.service.SessionDetails;
import org.dialoog.session.service.SlotRanking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Scheduling polls: find the slot that best covers every party. */
@Path("/api/v1/scheduling-polls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Scheduling polls",
        description = "Candidate slots, participants' availability, the slot that best covers every party")
public class PollResource {

    private final PollService service;
    private final IdempotentCreate idempotent;

    PollResource(PollService service, IdempotentCreate idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    /** A candidate slot. */
    @Schema(name = "PollSlotRequest")
    public record SlotRequest(
            @NotNull @Schema(examples = "2026-03-12T19:30:00+01:00")
            OffsetDateTime startsAt,

            @NotNull @Schema(examples = "2026-03-12T21:30:00+01:00")
            OffsetDateTime endsAt) {}

    /** A poll to open. */
    @Schema(name = "SchedulingPollRequest")
    public record PollRequest(
            @NotNull UUID engagementId,

            @NotBlank @Size(max = 200) @Schema(examples = "Derde dialoogsessie")
            String title,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SlotRequest> slots,
            @NotEmpty @Size(max = 50) List<@NotNull UUID> partyIds) {}

    /** The slots one participant can make. */
    @Schema(name = "PollVoteRequest")
    public record VoteRequest(@NotNull @Size(max = 50) List<@NotNull UUID> available) {}

    /** The chosen slot and the session to schedule in it. */
    @Schema(name = "PollDecisionRequest")
    public record DecisionRequest(
            @NotNull UUID slotId,
            @NotNull SessionType type,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            @Size(max = 50) List<@Valid @NotNull AgendaItem> agenda,
            @Size(max = 64) String timeZone,
            @NotNull @Valid SessionRequest.Location location,

            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000)
            Integer capacity,

            @Size(max = 20) List<@NotBlank @Size(max = 100) String> facilitators,
            boolean openRegistration) {}

    /** A slot with its place in the ranking. */
    @Schema(name = "RankedSlot")
    public record RankedSlot(
            UUID slotId,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            int rank,

            @Schema(description = "Parties with at least one available participant")
            int partiesCovered,

            int participantsAvailable,

            @Schema(description = "The poll's parties nobody is available for")
            List<UUID> missingParties) {}

    /** One participant's availability. */
    @Schema(name = "PollVote")
    public record VoteView(UUID participantId, UUID partyId, List<UUID> available, OffsetDateTime votedAt) {
        static VoteView of(PollVote v) {
            return new VoteView(v.participantId, v.partyId, List.of(v.available), v.votedAt);
        }
    }

    /** A poll with its ranking, best slot first. */
    @Schema(name = "SchedulingPoll")
    public record PollView(
            UUID id,
            UUID engagementId,
            String title,
            List<UUID> partyIds,
            SchedulingPoll.Status status,
            List<RankedSlot> ranking,
            List<VoteView> votes,
            @Schema(nullable = true) UUID decidedSlotId,
            @Schema(nullable = true) UUID sessionId,
            OffsetDateTime createdAt,

            @Schema(description = "When the poll was closed without a decision; null otherwise", nullable = true)
            @Nullable
            OffsetDateTime closedAt,

            long version) {
        static PollView of(PollService.Outcome o) {
            SchedulingPoll p = o.poll();
            List<RankedSlot> ranking =
                    o.ranking().stream().map(PollResource::ranked).toList();
            return new PollView(
                    p.id,
                    p.engagementId,
                    p.title,
                    List.of(p.partyIds),
                    p.status,
                    ranking,
                    o.votes().stream().map(VoteView::of).toList(),
                    p.decidedSlot,
                    p.sessionId,
                    p.createdAt,
                    p.closedAt,
                    p.version);
        }
    }

    private static RankedSlot ranked(SlotRanking.Ranked r) {
        return new RankedSlot(
                r.slot().id(),
                r.slot().startsAt(),
                r.slot().endsAt(),
                r.rank(),
                r.partiesCovered(),
                r.participantsAvailable(),
                r.missingParties());
    }

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "createSchedulingPoll",
            summary = "Open a scheduling poll",
            description = "For an ACTIVE engagement the caller facilitates; each party must "
                    + "have participants known here.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new poll",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PollView.class)))
    public Response create(
            @NotNull @Valid PollRequest request,
            @HeaderParam(IdempotentCreate.HEADER)
                    @Parameter(description = "Replays the first answer for the same key and body")
                    String key,
            @Context UriInfo uri) {
        return idempotent.create(key, request, () -> {
            SchedulingPoll p = service.create(
                    request.engagementId(),
                    request.title(),
                    request.slots().stream()
                            .map(s -> new PollService.CandidateSlot(s.startsAt(), s.endsAt()))
                            .toList(),
                    request.partyIds());
            return new IdempotentCreate.Created(
                    uri.getBaseUriBuilder().path("api/v1/scheduling-polls/{id}").build(p.id),
                    PollView.of(service.get(p.id)),
                    Long.toString(p.version));
        });
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Extension(name = OpenApiConventions.PAGE_OF, value = "SchedulingPoll")
    @Operation(
            operationId = "listSchedulingPolls",
            summary = "List scheduling polls",
            description = "Newest first, each with its ranking and votes; the polls of the engagements whose sessions "
                    + "the caller may list (facilitators: those they facilitate; clients: those naming them as "
                    + "contact; party leads: those they lead in).")
    public Response list(
            @QueryParam("engagementId") @Parameter(description = "Only this engagement's polls") @Nullable
                    UUID engagementId,
            @QueryParam("status") @Parameter(description = "Only polls in this status", example = "OPEN")
                    SchedulingPoll.@Nullable Status status,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("pageSize") @DefaultValue(Pages.DEFAULT_SIZE) @Min(1) @Max(Pages.MAX_SIZE) int pageSize,
            @Context UriInfo uri) {
        return Pages.ok(service.list(engagementId, status, page, pageSize).map(PollView::of), uri);
    }

    @POST
    @Path("/{pollId}/close")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "closeSchedulingPoll",
            summary = "Close a poll without a decision",
            description = "No more votes (409 on a vote, also through a personal link) and no decision; the poll and "
                    + "its votes stay readable. Closing a closed poll again changes nothing; a decided poll is 409 "
                    + "(cancel its session instead). The engagement's facilitators, admins, and party leads with "
                    + "RUN_POLLS.")
    public PollView close(@PathParam("pollId") UUID id) {
        return PollView.of(service.close(id));
    }

    @GET
    @Path("/{pollId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.CLIENT, Caller.INTEGRATION, Caller.PARTY_LEAD})
    @Operation(
            operationId = "getSchedulingPoll",
            summary = "Get a poll with its slots ranked",
            description = "Ranked first by the number of parties with at least "
                    + "one available participant (in a dialogue every party present matters most), then by the number of available "
                    + "participants, then earliest first.")
    public PollView get(@PathParam("pollId") UUID id) {
        return PollView.of(service.get(id));
    }

    @PUT
    @Path("/{pollId}/votes/{participantId}")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
    @Operation(
            operationId = "castPollVote",
            summary = "Record a participant's availability",
            description = "The participant must belong to one of the poll's "
                    + "parties; voting again replaces the earlier vote. Closed once the poll is decided (409).")
    public VoteView vote(
            @PathParam("pollId") UUID id,
            @PathParam("participantId") UUID participantId,
            @NotNull @Valid VoteRequest request) {
        return VoteView.of(service.vote(id, participantId, request.available()));
    }

    @POST
    @Path("/{pollId}/decision")
    @RolesAllowed({Caller.ADMIN, Caller.FACILITATOR, Caller.PARTY_LEAD})
    @Operation(
            operationId = "decideSchedulingPoll",
            summary = "Choose a slot",
            description = "Schedules the session in the chosen slot (the same rules as POST /sessions) "
                    + "and invites every current participant of the poll's parties.")
    @APIResponse(
            responseCode = "201",
            description = "The scheduled session; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    public Response decide(@PathParam("pollId") UUID id, @NotNull @Valid DecisionRequest r, @Context UriInfo uri) {
        var poll = service.get(id);
        var slot = service.slot(id, r.slotId());
        SessionDetails details = new SessionDetails(
                poll.poll().engagementId,
                r.type(),
                r.title(),
                r.description(),
                r.agenda(),
                slot.startsAt,
                slot.endsAt,
                r.timeZone(),
                r.location().toDetails(),
                r.capacity(),
                r.facilitators(),
                r.openRegistration());
        Session s = service.decide(id, r.slotId(), details);
        return Response.created(
                        uri.getBaseUriBuilder().path("api/v1/sessions/{id}").build(s.id))
                .entity(SessionView.of(s))
                .tag(Versions.etag(s.version))
                .build();
    }
}
