package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * An agreement (afspraak) proposed to the parties it concerns (ADR 0010). Its text lives in immutable
 * {@link AgreementVersion}s; {@code currentNumber} names the one the parties answer now. The state is
 * derived from the answers to that version ({@code AgreementRules}), and stored for lists and counts.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    /** PENDING until every concerned party consents (CARRIED) or one objects (OBJECTED); WITHDRAWN by a facilitator. */
    public enum State {
        PENDING,
        OBJECTED,
        CARRIED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "session_id")
    public @Nullable UUID sessionId;

    public String title;

    @Column(name = "current_number")
    public int currentNumber;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "carried_at")
    public @Nullable OffsetDateTime carriedAt;

    @Column(name = "withdrawn_reason")
    public @Nullable String withdrawnReason;

    @Column(name = "proposed_by")
    public String proposedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "party_id")
    public Set<UUID> partyIds = new LinkedHashSet<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
