package org.dialoog.session;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One version of a session's outcome as it was written: the record's texts and action items at that version, who
 * wrote it and, for a party lead, for which party. Only ever appended; {@link SessionOutcome} and {@link OutcomeAction}
 * hold the current version.
 */
@Entity
@Table(name = "session_outcome_version")
@IdClass(OutcomeVersion.Key.class)
public class OutcomeVersion extends PanacheEntityBase {

    /** The primary key: a session's record and a version number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public @Nullable UUID sessionId;
        public long version;

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, version);
        }
    }

    /** An action item as it stood at the version. */
    public record ActionAt(
            UUID id,
            String what,
            UUID ownerPartyId,
            @Nullable LocalDate dueDate,
            ActionStatus status,
            @Nullable UUID initiatedByPartyId) {

        static ActionAt of(OutcomeAction a) {
            return new ActionAt(a.id, a.what, a.ownerPartyId, a.dueDate, a.status, a.initiatedByPartyId);
        }
    }

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    public long version;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    /** The token subject who wrote the version; null for one written before versions were kept. */
    public @Nullable String author;

    /** The party whose lead wrote the version; null for a facilitator or admin. */
    @Column(name = "author_party_id")
    public @Nullable UUID authorPartyId;

    @Column(name = "written_at")
    public OffsetDateTime writtenAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<OutcomeNote> notes;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Decision> decisions;

    @Column(name = "open_questions")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OpenQuestion> openQuestions;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ActionAt> actions;

    /** The record as it now stands, written by {@code author} (for {@code authorPartyId}'s party when a lead). */
    public static OutcomeVersion of(
            SessionOutcome o, List<OutcomeAction> actions, String author, @Nullable UUID authorPartyId) {
        OutcomeVersion v = new OutcomeVersion();
        v.sessionId = o.sessionId;
        v.version = o.version;
        v.engagementId = o.engagementId;
        v.author = author;
        v.authorPartyId = authorPartyId;
        v.writtenAt = o.updatedAt;
        v.notes = List.copyOf(o.notes);
        v.decisions = List.copyOf(o.decisions);
        v.openQuestions = List.copyOf(o.openQuestions);
        v.actions = actions.stream().map(ActionAt::of).toList();
        return v;
    }
}
