package org.dialoog.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** That a participant was given a token for a round; which token is deliberately not recorded. */
@Entity
@Table(name = "token_issue")
public class TokenIssue extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "participant_id")
    public UUID participantId;
}
