package org.dialoog.session;

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

/** The hash of one personal link's code, and what the code acts for; the code itself is never stored. */
@Entity
@Table(name = "personal_link")
public class PersonalLink extends PanacheEntityBase {

    /** What a personal link opens. */
    public enum Kind {
        /** An invitation to a session: subject is the invitation, target the session. */
        INVITATION,
        /** A participant's vote in a poll: subject is the participant, target the poll. */
        POLL,
        /** A public registration: subject is the registration, target the session. */
        REGISTRATION
    }

    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @TenantId
    public String tenant;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
}
