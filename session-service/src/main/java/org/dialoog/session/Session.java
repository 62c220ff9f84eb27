package org.dialoog.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.dialoog.session.rest.SessionRequest;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A scheduled meeting of an engagement. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Enumerated(EnumType.STRING)
    public SessionType type;

    public String title;

    public String description;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "location_mode")
    public String locationMode;

    @Column(name = "location_address")
    public String locationAddress;

    @Column(name = "location_url")
    public String locationUrl;

    public Integer capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] facilitators;

    @Column(name = "open_registration")
    public boolean openRegistration;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<SessionRequest.AgendaItem> agenda;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** iCalendar SEQUENCE: rises on every reschedule. */
    public int sequence;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
