package org.dialoog.conventions.testapp;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** The test application's one resource: a note, scoped to its tenant like every row of a service. */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    public String title;

    public @Nullable String body;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
