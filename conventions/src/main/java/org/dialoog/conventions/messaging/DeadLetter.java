package org.dialoog.conventions.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** An event this service could not apply, kept for operators to inspect and replay. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "event_id")
    public @Nullable String eventId;

    @Column(name = "event_type")
    public @Nullable String eventType;

    @Column(name = "original_topic")
    public @Nullable String originalTopic;

    @Column(name = "original_partition")
    public @Nullable Integer originalPartition;

    @Column(name = "original_offset")
    public @Nullable Long originalOffset;

    public String reason;

    @Column(name = "record_key")
    public @Nullable String recordKey;

    @Column(name = "record_value")
    public @Nullable String recordValue;

    /** The original headers as a JSON object of strings. */
    public String headers;

    @Column(name = "dead_lettered_at")
    public OffsetDateTime deadLetteredAt;

    @Column(name = "replayed_at")
    public @Nullable OffsetDateTime replayedAt;
}
