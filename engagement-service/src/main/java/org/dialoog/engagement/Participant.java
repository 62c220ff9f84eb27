package org.dialoog.engagement;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A person in an engagement, member of one party: the only place where names and e-mail addresses live. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    /** How a participant takes part. */
    public enum Role {
        MEMBER,
        REPRESENTATIVE,
        SPONSOR
    }

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(name = "party_id")
    public UUID partyId;

    @Column(name = "display_name")
    public String displayName;

    public @Nullable String email;

    @Enumerated(EnumType.STRING)
    public Role role;

    /** The language of the messages they get: {@code nl} or {@code en}. */
    public String language = "nl";

    /** They asked for no messages in this engagement (only legally required mail would still go out). */
    @Column(name = "messages_opt_out")
    public boolean messagesOptOut;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
