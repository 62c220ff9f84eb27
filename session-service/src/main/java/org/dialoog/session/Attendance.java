package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** Whether an invited participant was at a session. */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {

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

    public boolean present;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
