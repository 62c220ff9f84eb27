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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A set of questions, each tied to a dimension. */
@Entity
@Table(name = "questionnaire")
public class Questionnaire extends PanacheEntityBase {

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
    public UUID supersededBy;

    /** The key of a built-in questionnaire (session-evaluation, trust-pulse), or null. */
    @Column(name = "built_in")
    public String builtIn;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
