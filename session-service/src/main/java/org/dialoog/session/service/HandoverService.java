package org.dialoog.session.service;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.AgendaItem;
import org.dialoog.session.KnownEngagement;
import org.dialoog.session.OutcomeAction;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;
import org.jspecify.annotations.Nullable;

/**
 * The hand-over curve of an engagement (#19): per calendar month (UTC) of its sessions' start, how many sessions,
 * agenda items and action items there were and how many of each a party initiated through its party lead. Agenda and
 * action items count in the month of their session; cancelled sessions and what they held do not count.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HandoverService {

    /** How many of one kind, and how many of those parties initiated. */
    public record Count(int total, int byParties) {
        Count plus(boolean byParty) {
            return new Count(total + 1, byParties + (byParty ? 1 : 0));
        }

        /** The parties' share (0–1), null when there was nothing. */
        public @Nullable Double share() {
            return total == 0 ? null : Math.round(1000.0 * byParties / total) / 1000.0;
        }
    }

    /** One month of the curve. */
    public record Month(YearMonth month, Count sessions, Count agendaItems, Count actionItems) {}

    private static final Count NONE = new Count(0, 0);

    private final EngagementAccess access;

    HandoverService(EngagementAccess access) {
        this.access = access;
    }

    /** The curve, oldest month first: 404 when the engagement is not known here or not the caller's to read. */
    public List<Month> curve(UUID engagementId) {
        KnownEngagement e = KnownEngagement.findById(engagementId);
        if (e == null || !access.canRead(e)) {
            throw DomainException.notFound("Engagement", engagementId);
        }
        List<Session> sessions =
                Session.list("engagementId = ?1 and status <> ?2", engagementId, SessionStatus.CANCELLED);
        Map<YearMonth, Count[]> months = new TreeMap<>();
        Map<UUID, YearMonth> monthOf = new HashMap<>();
        for (Session s : sessions) {
            YearMonth m = YearMonth.from(s.startsAt.atZoneSameInstant(ZoneOffset.UTC));
            monthOf.put(s.id, m);
            Count[] c = months.computeIfAbsent(m, k -> new Count[] {NONE, NONE, NONE});
            c[0] = c[0].plus(s.initiatedByPartyId != null);
            for (AgendaItem i : s.agenda == null ? List.<AgendaItem>of() : s.agenda) {
                c[1] = c[1].plus(i.initiatedByPartyId() != null);
            }
        }
        for (OutcomeAction a : OutcomeAction.<OutcomeAction>list("engagementId", engagementId)) {
            YearMonth m = monthOf.get(a.sessionId);
            if (m != null) {
                Count[] c = java.util.Objects.requireNonNull(months.get(m));
                c[2] = c[2].plus(a.initiatedByPartyId != null);
            }
        }
        return months.entrySet().stream()
                .map(x -> new Month(x.getKey(), x.getValue()[0], x.getValue()[1], x.getValue()[2]))
                .toList();
    }

    /** The curve as CSV rows for spreadsheets, one per month. */
    public String csv(UUID engagementId) {
        StringBuilder b = new StringBuilder(
                "month,sessions,sessionsByParties,agendaItems,agendaItemsByParties,actionItems,actionItemsByParties\r\n");
        for (Month m : curve(engagementId)) {
            b.append(m.month())
                    .append(',')
                    .append(m.sessions().total())
                    .append(',')
                    .append(m.sessions().byParties())
                    .append(',')
                    .append(m.agendaItems().total())
                    .append(',')
                    .append(m.agendaItems().byParties())
                    .append(',')
                    .append(m.actionItems().total())
                    .append(',')
                    .append(m.actionItems().byParties())
                    .append("\r\n");
        }
        return b.toString();
    }
}
