package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One text of an agreement, numbered from 1; never changed once written (an amendment is the next number). */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "agreement_id")
    public UUID agreementId;

    public int number;

    public String text;

    /** Why it was amended (from version 2 on), e.g. what the objection asked for. */
    public @Nullable String note;

    @Column(name = "written_by")
    public String writtenBy;

    @Column(name = "written_at")
    public OffsetDateTime writtenAt;
}
