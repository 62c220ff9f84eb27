package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A party's answer to one version of an agreement; a changed answer replaces the row. */
@Entity
@Table(name = "agreement_answer")
public class AgreementAnswer extends PanacheEntityBase {

    /** CONSENT_WITH_CONCERN and OBJECTION carry their reason; ABSTAIN keeps the agreement from being carried. */
    public enum Decision {
        CONSENT,
        CONSENT_WITH_CONCERN,
        OBJECTION,
        ABSTAIN;

        public boolean consents() {
            return this == CONSENT || this == CONSENT_WITH_CONCERN;
        }

        public boolean needsReason() {
            return this == CONSENT_WITH_CONCERN || this == OBJECTION;
        }
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "version_id")
    public UUID versionId;

    @Column(name = "party_id")
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public @Nullable String reason;

    /** Recorded by a facilitator on the party's behalf, not by the party's own lead. */
    @Column(name = "on_behalf")
    public boolean onBehalf;

    /** The party lead who recorded it; null when a facilitator recorded it on the party's behalf. */
    @Column(name = "party_lead_id")
    public @Nullable UUID partyLeadId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
