package org.dialoog.conventions.rest;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** The first answer to a create request with an Idempotency-Key, replayed for the same key and body. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @TenantId
    public String tenant;

    @Column(name = "request_hash")
    public String requestHash;

    public int status;

    public String location;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
