package org.dialoog.engagement;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** How many people of one party attended a held session: a count, never who. */
@Entity
@Table(name = "session_held_party")
public class SessionHeldParty extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "party_id")
    public UUID partyId;

    public int attendees;
}
