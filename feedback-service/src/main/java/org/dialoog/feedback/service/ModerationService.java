package org.dialoog.feedback.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.feedback.Contribution;
import org.dialoog.feedback.FeedbackRound;
import org.jspecify.annotations.Nullable;

/** Moderation of citizen input: text answers of public rounds wait until a facilitator publishes or rejects them. */
@ApplicationScoped
@Transactional
public class ModerationService {

    /** A moderator's decision. */
    public enum Decision {
        PUBLISH,
        REJECT
    }

    private final FeedbackAccess access;

    ModerationService(FeedbackAccess access) {
        this.access = access;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<Contribution> list(UUID roundId, @Nullable String status, int page, int pageSize) {
        access.writableRound(roundId);
        var q = status == null
                ? Contribution.<Contribution>find("roundId", Sort.ascending("id"), roundId)
                : Contribution.<Contribution>find(
                        "roundId = ?1 and status = ?2", Sort.ascending("id"), roundId, status);
        return new Paging.Page<>(q.page(Page.of(page - 1, pageSize)).list(), page, pageSize, q.count());
    }

    /** Publishes or rejects; a later decision replaces an earlier one (a moderator can correct a mistake). */
    public Contribution decide(
            UUID roundId,
            UUID contributionId,
            @Nullable Long expectedVersion,
            Decision decision,
            @Nullable String reason) {
        FeedbackRound round = access.writableRound(roundId);
        Contribution c = Contribution.<Contribution>find("roundId = ?1 and id = ?2", round.id, contributionId)
                .firstResultOptional()
                .orElseThrow(() -> DomainException.notFound("Contribution", contributionId));
        DomainException.requireVersion(expectedVersion, c.version);
        if (decision == Decision.REJECT && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "a rejection needs a reason");
        }
        c.status = decision == Decision.PUBLISH ? "PUBLISHED" : "REJECTED";
        c.reason = reason == null ? null : reason.strip();
        c.moderatedBy = access.userId();
        c.moderatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Contribution.flush();
        return c;
    }
}
