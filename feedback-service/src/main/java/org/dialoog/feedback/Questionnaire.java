package org.dialoog.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.dialoog.conventions.domain.DomainException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A set of questions, each tied to a dimension; versioned: it changes in place until a round uses
 * it, then it is frozen and a change becomes a new version in the same family, so results already
 * collected keep the questions they were given for.
 */
@Entity
@Table(name = "questionnaire")
public class Questionnaire extends PanacheEntityBase {

    /** What a questionnaire is for. */
    public enum Purpose {
        SESSION_EVALUATION,
        PULSE,
        CITIZEN_INPUT
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    public String title;

    public String purpose;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Question> questions;

    /** The title in other languages (language tag → title); the built-in questionnaires have nl and en. */
    @Column(name = "title_translations")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> titleTranslations;

    /** All versions of one questionnaire share a family id (the first version's id). */
    @Column(name = "family_id")
    public UUID familyId;

    /** 1 for the first version; a change to a frozen questionnaire makes revision + 1. */
    public int revision;

    /** Used by a round: its questions can no longer change, so results stay comparable. */
    public boolean frozen;

    @Column(name = "superseded_by")
    public @Nullable UUID supersededBy;

    /** The key of a built-in questionnaire (session-evaluation, trust-pulse), or null. */
    @Column(name = "built_in")
    public @Nullable String builtIn;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The first version of a new questionnaire: a family of its own. */
    public static Questionnaire firstVersion() {
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.familyId = q.id;
        q.revision = 1;
        return q;
    }

    /** Refuses a change to a superseded version (409): changes go to the newest one. */
    public void checkChangeable() {
        if (supersededBy != null) {
            throw DomainException.conflict("Questionnaire " + id + " was superseded by version " + supersededBy
                    + "; change the newest version.");
        }
    }

    /** A change is made in place only while no round has used it. */
    public boolean changesInPlace() {
        return !frozen;
    }

    /** The next version of this family, which a change to a frozen questionnaire becomes; this one then names it as its successor. */
    public Questionnaire supersede() {
        Questionnaire next = new Questionnaire();
        next.id = UUID.randomUUID();
        next.familyId = familyId;
        next.revision = revision + 1;
        supersededBy = next.id;
        return next;
    }

    /** Freezes it for a round; a superseded version is refused (400 on questionnaireId) so that new rounds use the newest. */
    public void freezeForRound() {
        if (supersededBy != null) {
            throw DomainException.invalid(
                    "questionnaireId",
                    "questionnaire " + id + " was superseded by " + supersededBy
                            + "; open rounds with the newest version");
        }
        frozen = true;
    }
}
