package org.dialoog.conventions.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** An event this service could not apply, kept for operators to inspect and replay. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "original_topic")
    public String originalTopic;

    @Column(name = "original_partition")
    public Integer originalPartition;

    @Column(name = "original_offset")
    public Long originalOffset;

    public String reason;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "record_value")
    public String recordValue;

    /** The original headers as a JSON object of strings. */
    public String headers;

    @Column(name = "dead_lettered_at")
    public OffsetDateTime deadLetteredAt;

    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;
}
