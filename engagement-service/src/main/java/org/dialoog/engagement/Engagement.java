package org.dialoog.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** One facilitation assignment for a client organisation or municipality. */
@Entity
@Table(name = "engagement")
public class Engagement extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    public String reference;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public EngagementKind kind;

    @Column(name = "client_organisation")
    public String clientOrganisation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] objectives;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "case_reference")
    public String caseReference;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] facilitators;

    @Column(name = "client_contacts")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] clientContacts;

    /** Whether the client contacts may read participants' names and e-mail addresses (a facilitator's grant). */
    @Column(name = "client_contacts_see_personal_data")
    public boolean clientContactsSeePersonalData;

    @Enumerated(EnumType.STRING)
    public EngagementStatus status;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
