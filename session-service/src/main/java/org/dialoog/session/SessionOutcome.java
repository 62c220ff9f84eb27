package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * What a session produced (its record, verslag): notes per agenda item, decisions and open questions;
 * its action items are {@link OutcomeAction} rows. Replaced whole by every write, which is a new version.
 */
@Entity
@Table(name = "session_outcome")
public class SessionOutcome extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<OutcomeNote> notes;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Decision> decisions;

    @Column(name = "open_questions")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OpenQuestion> openQuestions;

    /**
     * 1 for the first record, one more for every write. Kept by hand, not by JPA: every write is a new
     * version even when nothing changed, and writes of one session are serialised by its row lock.
     */
    public long version;

    /** The subjects who wrote versions, in the order of their first write. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] authors;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** A first, empty record of a session (version 0); the {@link #newVersion} of its first write makes it version 1. */
    public static SessionOutcome firstOf(Session s, OffsetDateTime now) {
        SessionOutcome o = new SessionOutcome();
        o.sessionId = s.id;
        o.engagementId = s.engagementId;
        o.notes = List.of();
        o.decisions = List.of();
        o.openQuestions = List.of();
        o.version = 0;
        o.authors = new String[0];
        o.createdAt = now;
        o.updatedAt = now;
        return o;
    }

    /** Counts a write by {@code author} as the next version. */
    public void newVersion(String author, OffsetDateTime now) {
        version++;
        updatedAt = now;
        if (!Arrays.asList(authors).contains(author)) {
            authors = Arrays.copyOf(authors, authors.length + 1);
            authors[authors.length - 1] = author;
        }
    }
}
