package org.dialoog.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A subscribable calendar behind a secret URL: an engagement's sessions, or one participant's.
 * Only the SHA-256 of the secret is kept; revoking deletes the row, so the URL then leads nowhere.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    /** Set for a participant's feed (the sessions they are invited to); empty for the whole engagement. */
    @Column(name = "participant_id")
    public @Nullable UUID participantId;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** How a feed's secret is kept and looked up: its SHA-256, in hex, never the secret itself. */
    public static String hashOf(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
