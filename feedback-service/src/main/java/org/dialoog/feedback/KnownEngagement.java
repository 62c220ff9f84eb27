package org.dialoog.feedback;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** What feedback-service knows of an engagement, from engagement events: who may see its feedback. */
@Entity
@Table(name = "known_engagement")
public class KnownEngagement extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    public String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] facilitators;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "client_contacts")
    public String[] clientContacts;

    /** The engagement's version in the last event applied; older events are ignored. */
    @Column(name = "source_version")
    public long sourceVersion;
}
