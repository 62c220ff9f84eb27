package org.dialoog.feedback;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One anonymous set of answers: the respondent's party at most, never the person or the token. */
@Entity
@Table(name = "response")
public class Response extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "party_id")
    public @Nullable UUID partyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> answers;

    /** The day only: a time of day could be matched against other records. */
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
}
