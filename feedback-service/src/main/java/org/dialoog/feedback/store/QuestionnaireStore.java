package org.dialoog.feedback.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.feedback.Question;

/** The questionnaire write Panache cannot express: a built-in questionnaire, once per tenant, safe when replicas race. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class QuestionnaireStore {

    private final EntityManager em;
    private final ObjectMapper json;

    QuestionnaireStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Inserts a built-in questionnaire (frozen, revision 1, its own family) unless its id is already there. */
    public void insertBuiltIn(
            UUID id,
            String tenant,
            String key,
            String purpose,
            Map<String, String> title,
            List<Question> questions,
            OffsetDateTime now) {
        try {
            em.createNativeQuery("""
                    insert into questionnaire (id, tenant, title, purpose, questions, version, created_at, family_id, revision,
                                               frozen, built_in, title_translations)
                    values (:id, :tenant, :title, :purpose, cast(:questions as jsonb), 0, :now, :id, 1, true, :key,
                            cast(:titles as jsonb))
                    on conflict do nothing""")
                    .setParameter("id", id)
                    .setParameter("tenant", tenant)
                    .setParameter("title", title.get("nl"))
                    .setParameter("purpose", purpose)
                    .setParameter("questions", json.writeValueAsString(questions))
                    .setParameter("now", now)
                    .setParameter("key", key)
                    .setParameter("titles", json.writeValueAsString(title))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Built-in questionnaire " + key + " cannot be written", e);
        }
    }
}
