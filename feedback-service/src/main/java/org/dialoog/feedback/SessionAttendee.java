package org.dialoog.feedback;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** Someone who attended a completed session (ids only). */
@Entity
@Table(name = "session_attendee")
public class SessionAttendee extends PanacheEntityBase {

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
}
