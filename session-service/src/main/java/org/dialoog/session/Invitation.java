package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** One participant asked to come to one session, and their answer. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    /** Where an invitation stands; only ACCEPTED holds a seat. */
    public enum Status { INVITED, ACCEPTED, TENTATIVE, DECLINED, WAITLISTED }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "party_id")
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "invited_at")
    public OffsetDateTime invitedAt;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    @Column(name = "waitlisted_at")
    public OffsetDateTime waitlistedAt;
}
