package org.dialoog.feedback;

import java.time.OffsetDateTime;
import java.util.List;
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

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
