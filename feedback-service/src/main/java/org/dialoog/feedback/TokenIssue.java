package org.dialoog.feedback;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

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
