package org.dialoog.feedback;

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

/** A citizen's text answer in a public round, shown only once a moderator publishes it. */
@Entity
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "question_key")
    public String questionKey;

    public String text;

    public String status;

    public @Nullable String reason;

    @Column(name = "moderated_by")
    public @Nullable String moderatedBy;

    @Column(name = "moderated_at")
    public @Nullable OffsetDateTime moderatedAt;

    @Version
    public long version;
}
