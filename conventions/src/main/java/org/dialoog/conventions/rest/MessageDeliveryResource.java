package org.dialoog.conventions.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.mail.DeliveryRecords;
import org.dialoog.conventions.mail.DeliveryState;
import org.dialoog.conventions.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/**
 * How many messages about a session or a feedback round are queued, sent, failed or suppressed, per kind: a
 * facilitator's view of delivery without reading any message. Only in services that send mail (build property
 * {@code dialoog.messages.sender=true}).
 */
@Path("/api/v1/message-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "Delivery of e-mail messages, counted without contents")
@RolesAllowed({Caller.ADMIN, Caller.FACILITATOR})
@IfBuildProperty(name = "dialoog.messages.sender", stringValue = "true")
public class MessageDeliveryResource {

    /** Messages in each delivery state. */
    @Schema(name = "MessageStateCounts")
    public record StateCounts(long queued, long sent, long failed, long suppressed) {
        static StateCounts of(Map<DeliveryState, Long> byState) {
            return new StateCounts(
                    byState.getOrDefault(DeliveryState.QUEUED, 0L),
                    byState.getOrDefault(DeliveryState.SENT, 0L),
                    byState.getOrDefault(DeliveryState.FAILED, 0L),
                    byState.getOrDefault(DeliveryState.SUPPRESSED, 0L));
        }

        StateCounts plus(StateCounts o) {
            return new StateCounts(queued + o.queued, sent + o.sent, failed + o.failed, suppressed + o.suppressed);
        }
    }

    /** One kind's counts. */
    @Schema(name = "MessageKindCounts")
    public record KindCounts(
            @Schema(examples = "INVITATION") String kind, StateCounts states) {}

    /** The counts for one session or one round. */
    @Schema(name = "MessageDeliverySummary")
    public record Summary(
            @Schema(nullable = true) @Nullable UUID sessionId,
            @Schema(nullable = true) @Nullable UUID roundId,
            long total,
            StateCounts states,
            List<KindCounts> kinds) {}

    private final DeliveryRecords records;
    private final Caller caller;

    MessageDeliveryResource(DeliveryRecords records, Caller caller) {
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Path("/summary")
    @Operation(
            operationId = "summarizeMessageDeliveries",
            summary = "Count message deliveries",
            description = "Counts of the caller's tenant's messages about one session (sessionId) or one feedback "
                    + "round (roundId), per state and per kind; no recipient, address or content. Exactly one of the "
                    + "two parameters (400 otherwise).")
    public Summary summary(
            @Parameter(description = "The session the messages are about") @QueryParam("sessionId") @Nullable
                    UUID sessionId,
            @Parameter(description = "The feedback round the messages are about") @QueryParam("roundId") @Nullable
                    UUID roundId) {
        if ((sessionId == null) == (roundId == null)) {
            throw DomainException.invalid(
                    sessionId == null ? "sessionId" : "roundId", "give exactly one of sessionId and roundId");
        }
        String tenant = caller.tenant().orElseThrow();
        List<KindCounts> kinds = records.count(tenant, sessionId, roundId).stream()
                .map(k -> new KindCounts(k.kind(), StateCounts.of(k.byState())))
                .toList();
        StateCounts all = kinds.stream().map(KindCounts::states).reduce(new StateCounts(0, 0, 0, 0), StateCounts::plus);
        long total = all.queued() + all.sent() + all.failed() + all.suppressed();
        return new Summary(sessionId, roundId, total, all, kinds);
    }
}
