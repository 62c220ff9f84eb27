package org.dialoog.session;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.TenantId;

/** A party of an engagement, as engagement events tell it (its id only, no name): it may own action items. */
@Entity
@Table(name = "known_party")
public class KnownParty extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenant;

    @Column(name = "engagement_id")
    public UUID engagementId;

    /**
     * Whether {@code partyId} is a party of the engagement as far as session-service knows: from its
     * party-added event, or because participants of it are known (parties added before this service read
     * party events are known that way until the read model is rebuilt).
     */
    public static boolean isPartyOf(UUID engagementId, UUID partyId) {
        return count("id = ?1 and engagementId = ?2", partyId, engagementId) > 0
                || KnownParticipant.count("engagementId = ?1 and partyId = ?2", engagementId, partyId) > 0;
    }
}
