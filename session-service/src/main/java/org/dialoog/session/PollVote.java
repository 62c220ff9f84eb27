package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** The slots one participant can make, in a scheduling poll. */
@Entity
@Table(name = "poll_vote")
public class PollVote extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "poll_id")
    public UUID pollId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "party_id")
    public UUID partyId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] available;

    @Column(name = "voted_at")
    public OffsetDateTime votedAt;
}
