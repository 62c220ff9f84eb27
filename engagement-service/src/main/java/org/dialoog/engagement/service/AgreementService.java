package org.dialoog.engagement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.conventions.domain.Paging;
import org.dialoog.conventions.domain.UpdatedSince;
import org.dialoog.conventions.messaging.Outbox;
import org.dialoog.conventions.security.Caller;
import org.dialoog.engagement.Agreement;
import org.dialoog.engagement.AgreementAnswer;
import org.dialoog.engagement.AgreementVersion;
import org.dialoog.engagement.Engagement;
import org.dialoog.engagement.Party;
import org.dialoog.engagement.PartyLead;
import org.dialoog.engagement.events.EngagementEvents;
import org.dialoog.engagement.events.EventTypes;
import org.jspecify.annotations.Nullable;

/**
 * Agreements (afspraken, ADR 0010): proposed to the parties they concern, answered per party and version,
 * amended after an objection, carried when every concerned party consents. Every change locks the
 * agreement's row, so two parties answering at once are ordered and the state is derived once per answer.
 */
@ApplicationScoped
@Transactional
public class AgreementService {

    /** An agreement with its versions (oldest first), every answer per version id, and its parties' names. */
    public record AgreementRecord(
            Agreement agreement,
            List<AgreementVersion> versions,
            Map<UUID, List<AgreementAnswer>> answers,
            Map<UUID, String> partyNames) {

        public AgreementVersion current() {
            return versions.get(versions.size() - 1);
        }
    }

    private final EngagementService engagements;
    private final Outbox outbox;
    private final Caller caller;
    private final PartyLeadService partyLeads;

    AgreementService(EngagementService engagements, Outbox outbox, Caller caller, PartyLeadService partyLeads) {
        this.engagements = engagements;
        this.outbox = outbox;
        this.caller = caller;
        this.partyLeads = partyLeads;
    }

    public AgreementRecord propose(UUID engagementId, AgreementDetails d) {
        Engagement e = engagements.writable(engagementId, null);
        Set<UUID> parties = new LinkedHashSet<>(d.partyIds());
        Map<UUID, Party> known = parties(e.id);
        List<DomainException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < d.partyIds().size(); i++) {
            if (!known.containsKey(d.partyIds().get(i))) {
                errors.add(new DomainException.FieldError(
                        "partyIds[" + i + "]", "no party " + d.partyIds().get(i) + " in this engagement"));
            }
        }
        if (parties.size() != d.partyIds().size()) {
            errors.add(new DomainException.FieldError("partyIds", "names a party more than once"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        OffsetDateTime now = now();
        Agreement a = new Agreement();
        a.id = UUID.randomUUID();
        a.engagementId = e.id;
        a.sessionId = d.sessionId();
        a.title = d.title().strip();
        a.currentNumber = 1;
        a.state = Agreement.State.PENDING;
        a.proposedBy = caller.userId();
        a.partyIds = parties;
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        writeVersion(a, d.text(), null, now);
        Agreement.flush();
        AgreementRecord r = record(a);
        outbox.record(EventTypes.AGREEMENT_PROPOSED, e.id, a.id, changed(r));
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<AgreementRecord> list(
            UUID engagementId,
            Agreement.@Nullable State state,
            @Nullable OffsetDateTime updatedSince,
            int page,
            int pageSize) {
        Engagement e = engagements.visible(engagementId);
        List<String> where = new ArrayList<>(List.of("engagementId = :engagement"));
        Map<String, Object> params = new HashMap<>(Map.of("engagement", e.id));
        if (state != null) {
            where.add("state = :state");
            params.put("state", state);
        }
        UpdatedSince.restrict(where, params, updatedSince);
        var q = Agreement.<Agreement>find(
                String.join(" and ", where), Sort.by("createdAt").and("id"), params);
        long total = q.count();
        List<AgreementRecord> items = q.page(Page.of(page - 1, pageSize)).list().stream()
                .map(this::record)
                .toList();
        return new Paging.Page<>(items, page, pageSize, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementRecord get(UUID engagementId, UUID agreementId) {
        Engagement e = engagements.visible(engagementId);
        return record(find(e.id, agreementId, false));
    }

    /** Records (or replaces) a party's answer to the current version and derives the agreement's state again. */
    public AgreementRecord answer(
            UUID engagementId, UUID agreementId, UUID partyId, @Nullable Long expectedVersion, AnswerDetails d) {
        Engagement e = engagements.open(engagementId);
        // a facilitator records any party's answer on its behalf; a party lead only their own party's, if granted
        PartyLead lead = null;
        if (!engagements.facilitates(e)) {
            lead = partyLeads
                    .callersGrant(e.id)
                    .filter(l -> l.partyId.equals(partyId) && l.may(PartyLead.Right.RECORD_CONSENT))
                    .orElseThrow(ForbiddenException::new);
        }
        Agreement a = find(e.id, agreementId, true);
        DomainException.requireVersion(expectedVersion, a.version);
        if (!a.partyIds.contains(partyId)) {
            Party p = Party.<Party>find("id = ?1 and engagementId = ?2", partyId, e.id)
                    .firstResultOptional()
                    .orElseThrow(() -> DomainException.notFound("Party", partyId));
            throw DomainException.conflict(
                    "Party '" + p.name + "' is not concerned by this agreement; only the parties it names answer.");
        }
        String refusal = AgreementRules.refusalToAnswer(a.state);
        if (refusal != null) {
            throw DomainException.conflict(refusal);
        }
        if (d.number() != null && d.number() != a.currentNumber) {
            throw DomainException.conflict("The party answered version " + d.number() + ", but the text is now version "
                    + a.currentNumber + ": show the party the current text and answer again.");
        }
        String reason =
                d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
        if (d.decision().needsReason() && reason == null) {
            throw DomainException.invalid(
                    "reason",
                    d.decision() == AgreementAnswer.Decision.OBJECTION
                            ? "an objection gives its reason, so the agreement can be amended"
                            : "a consent with a concern names the concern");
        }
        AgreementVersion current = currentVersion(a);
        AgreementAnswer answer = AgreementAnswer.<AgreementAnswer>find(
                        "versionId = ?1 and partyId = ?2", current.id, partyId)
                .firstResultOptional()
                .orElseGet(() -> {
                    AgreementAnswer fresh = new AgreementAnswer();
                    fresh.id = UUID.randomUUID();
                    fresh.versionId = current.id;
                    fresh.partyId = partyId;
                    return fresh;
                });
        OffsetDateTime now = now();
        answer.decision = d.decision();
        answer.reason = reason;
        answer.onBehalf = lead == null;
        answer.partyLeadId = lead == null ? null : lead.id;
        answer.recordedBy = caller.userId();
        answer.recordedAt = now;
        answer.persist();
        AgreementAnswer.flush();
        Agreement.State before = a.state;
        a.state = AgreementRules.stateOf(a.state, a.partyIds, decisions(current));
        a.carriedAt = a.state == Agreement.State.CARRIED ? now : null;
        a.updatedAt = now;
        Agreement.flush();
        AgreementRecord r = record(a);
        outbox.record(EventTypes.AGREEMENT_ANSWER_RECORDED, e.id, a.id, changed(r));
        if (before != Agreement.State.CARRIED && a.state == Agreement.State.CARRIED) {
            outbox.record(EventTypes.AGREEMENT_CARRIED, e.id, a.id, changed(r));
        }
        return r;
    }

    /** A new text: the next version, answered from scratch (the answers were to the old text). */
    public AgreementRecord amend(
            UUID engagementId, UUID agreementId, @Nullable Long expectedVersion, String text, @Nullable String note) {
        Engagement e = engagements.writable(engagementId, null);
        Agreement a = find(e.id, agreementId, true);
        DomainException.requireVersion(expectedVersion, a.version);
        if (a.state == Agreement.State.CARRIED || a.state == Agreement.State.WITHDRAWN) {
            throw DomainException.conflict(
                    a.state == Agreement.State.CARRIED
                            ? "The agreement is carried and cannot be amended; a change is a new agreement."
                            : "The agreement was withdrawn and cannot be amended.");
        }
        if (text.strip().equals(currentVersion(a).text)) {
            throw DomainException.invalid("text", "is the same as version " + a.currentNumber);
        }
        OffsetDateTime now = now();
        a.currentNumber++;
        a.state = Agreement.State.PENDING;
        a.carriedAt = null;
        a.updatedAt = now;
        writeVersion(a, text, note, now);
        Agreement.flush();
        AgreementRecord r = record(a);
        outbox.record(EventTypes.AGREEMENT_AMENDED, e.id, a.id, changed(r));
        return r;
    }

    public AgreementRecord withdraw(
            UUID engagementId, UUID agreementId, @Nullable Long expectedVersion, String reason) {
        Engagement e = engagements.writable(engagementId, null);
        Agreement a = find(e.id, agreementId, true);
        DomainException.requireVersion(expectedVersion, a.version);
        if (a.state == Agreement.State.WITHDRAWN) {
            throw DomainException.conflict("The agreement was already withdrawn.");
        }
        a.state = Agreement.State.WITHDRAWN;
        a.withdrawnReason = reason.strip();
        a.updatedAt = now();
        Agreement.flush();
        AgreementRecord r = record(a);
        outbox.record(EventTypes.AGREEMENT_WITHDRAWN, e.id, a.id, changed(r));
        return r;
    }

    private void writeVersion(Agreement a, String text, @Nullable String note, OffsetDateTime now) {
        AgreementVersion v = new AgreementVersion();
        v.id = UUID.randomUUID();
        v.agreementId = a.id;
        v.number = a.currentNumber;
        v.text = text.strip();
        v.note = note == null || note.isBlank() ? null : note.strip();
        v.writtenBy = caller.userId();
        v.writtenAt = now;
        v.persist();
    }

    private static Agreement find(UUID engagementId, UUID agreementId, boolean lock) {
        var q = Agreement.<Agreement>find("id = ?1 and engagementId = ?2", agreementId, engagementId);
        if (lock) {
            q = q.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.firstResultOptional().orElseThrow(() -> DomainException.notFound("Agreement", agreementId));
    }

    private static AgreementVersion currentVersion(Agreement a) {
        return AgreementVersion.<AgreementVersion>find("agreementId = ?1 and number = ?2", a.id, a.currentNumber)
                .singleResult();
    }

    private static Map<UUID, AgreementAnswer.Decision> decisions(AgreementVersion v) {
        Map<UUID, AgreementAnswer.Decision> out = new HashMap<>();
        for (AgreementAnswer answer : AgreementAnswer.<AgreementAnswer>list("versionId", v.id)) {
            out.put(answer.partyId, answer.decision);
        }
        return out;
    }

    private static Map<UUID, Party> parties(UUID engagementId) {
        return Party.<Party>list("engagementId", engagementId).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    private AgreementRecord record(Agreement a) {
        List<AgreementVersion> versions = AgreementVersion.list("agreementId", Sort.by("number"), a.id);
        Map<UUID, List<AgreementAnswer>> answers = new HashMap<>();
        List<UUID> versionIds = versions.stream().map(v -> v.id).toList();
        for (AgreementAnswer answer :
                AgreementAnswer.<AgreementAnswer>list("versionId in ?1", Sort.by("recordedAt"), versionIds)) {
            answers.computeIfAbsent(answer.versionId, k -> new ArrayList<>()).add(answer);
        }
        Map<UUID, String> names = new HashMap<>();
        parties(a.engagementId).forEach((id, p) -> names.put(id, p.name));
        return new AgreementRecord(a, versions, answers, names);
    }

    private static EngagementEvents.AgreementChanged changed(AgreementRecord r) {
        Agreement a = r.agreement();
        Map<UUID, String> current = new HashMap<>();
        for (AgreementAnswer answer : r.answers().getOrDefault(r.current().id, List.of())) {
            current.put(answer.partyId, answer.decision.name());
        }
        return new EngagementEvents.AgreementChanged(
                a.id,
                a.engagementId,
                a.tenant,
                a.sessionId,
                a.currentNumber,
                a.state.name(),
                a.partyIds.stream()
                        .map(p -> new EngagementEvents.PartyAnswer(p, current.get(p)))
                        .toList());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
