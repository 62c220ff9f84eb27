package org.dialoog.session;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** What session-service knows of an engagement, built from engagement events. */
@Entity
@Table(name = "known_engagement")
public class KnownEngagement extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    public String title;

    public String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] facilitators;

    /** User ids of the client's contacts, who may read this engagement's sessions. */
    @Column(name = "client_contacts")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] clientContacts;

    /** The engagement's version in the last event applied; older events are ignored. */
    @Column(name = "source_version")
    public long sourceVersion;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
