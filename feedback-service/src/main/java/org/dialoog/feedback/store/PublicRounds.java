package org.dialoog.feedback.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.dialoog.feedback.FeedbackRound;

/**
 * What never changes about a round (its tenant, questionnaire and audience), for callers without
 * an account (respondents). Read before any Hibernate work starts, because Hibernate fixes the
 * tenant when it opens its session; remembered per replica after the first read.
 */
@ApplicationScoped
public class PublicRounds {

    /** Bounded: cleared when full. */
    private static final int MAX_REMEMBERED = 10_000;

    /** The immutable facts of a round. */
    public record Facts(UUID roundId, String tenant, UUID questionnaireId, String audience) {

        public boolean isPublic() {
            return FeedbackRound.Audience.PUBLIC.name().equals(audience);
        }
    }

    private final DataSource dataSource;
    private final Map<UUID, Facts> known = new ConcurrentHashMap<>();

    PublicRounds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Facts> of(UUID roundId) {
        Facts facts = known.get(roundId);
        if (facts != null) {
            return Optional.of(facts);
        }
        Optional<Facts> found = lookUp(roundId);
        found.ifPresent(f -> {
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.put(roundId, f);
        });
        return found;
    }

    /**
     * The tenant of an engagement feedback-service knows, for the public list of its open rounds;
     * not remembered (an engagement not known yet may become known at any moment).
     */
    public Optional<String> tenantOfEngagement(UUID engagementId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select tenant from known_engagement where id = ?")) {
            st.setObject(1, engagementId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the engagement", e);
        }
    }

    private Optional<Facts> lookUp(UUID roundId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "select tenant, questionnaire_id, audience from feedback_round where id = ?")) {
            st.setObject(1, roundId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Facts(roundId, rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the round", e);
        }
    }
}
