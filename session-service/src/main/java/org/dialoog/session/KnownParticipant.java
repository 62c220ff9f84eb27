package org.dialoog.session;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** A participant of an engagement and its party, as engagement events tell it (no name, no e-mail). */
@Entity
@Table(name = "known_participant")
public class KnownParticipant extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "party_id")
    public UUID partyId;
}
