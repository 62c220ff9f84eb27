package org.dialoog.feedback;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** A single-use respondent token, kept only as its SHA-256; it records its party and whether it was used, nothing more. */
@Entity
@Table(name = "respondent_token")
public class RespondentToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @TenantId
    public String tenant;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "party_id")
    public UUID partyId;

    public boolean used;
}
