package org.dialoog.feedback.service;

import java.nio.charset.StandardCharsets;
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
import org.dialoog.feedback.Question.Dimension;
import org.dialoog.feedback.Question.QuestionType;
import org.dialoog.conventions.security.Caller;

/**
 * The two questionnaires every tenant has without asking: a session evaluation and a trust
 * pulse, in Dutch with English translations, covering the six dimensions on a 1–5 scale. They
 * are written into the tenant's own questionnaires on first use, frozen, with ids derived from
 * the tenant so they are the same on every replica.
 */
@ApplicationScoped
public class BuiltInQuestionnaires {

    public static final String SESSION_EVALUATION = "session-evaluation";
    public static final String TRUST_PULSE = "trust-pulse";

    private record BuiltIn(String key, String purpose, Map<String, String> title, List<Question> questions) {
    }

    private static final List<BuiltIn> ALL = List.of(
            new BuiltIn(SESSION_EVALUATION, "SESSION_EVALUATION", Map.of("nl", "Evaluatie bijeenkomst", "en", "Session evaluation"), List.of(
                    scale("trust", Dimension.TRUST, "Ik vertrouw erop dat de andere partijen zich aan afspraken houden.",
                            "I trust the other parties to keep to what we agree."),
                    scale("communication", Dimension.COMMUNICATION, "We spraken vandaag open en respectvol met elkaar.",
                            "Today we spoke with each other openly and respectfully."),
                    scale("voice", Dimension.VOICE, "Mijn perspectief kreeg vandaag voldoende ruimte.",
                            "My perspective was given enough room today."),
                    scale("sharedSolution", Dimension.SHARED_SOLUTION, "Er groeit een oplossing die alle partijen kunnen dragen.",
                            "A solution that every party can support is emerging."),
                    scale("ownership", Dimension.OWNERSHIP, "Wij kunnen dit steeds meer zelf organiseren.",
                            "We are increasingly able to organise this ourselves."),
                    scale("calm", Dimension.CALM, "De sfeer in de groep was rustig en veilig.",
                            "The atmosphere in the group was calm and safe."),
                    new Question("remarks", "Wat wil je de procesbegeleider nog meegeven?", QuestionType.TEXT, null, null, null, false,
                            null, Map.of("en", "Is there anything you would like to tell the facilitator?")))),
            new BuiltIn(TRUST_PULSE, "PULSE", Map.of("nl", "Vertrouwenspeiling", "en", "Trust pulse"), List.of(
                    scale("trust", Dimension.TRUST, "Op dit moment vertrouw ik de andere partijen.",
                            "At this moment I trust the other parties."),
                    scale("communication", Dimension.COMMUNICATION, "De communicatie tussen de partijen verloopt goed.",
                            "Communication between the parties is going well."),
                    scale("voice", Dimension.VOICE, "Wat mijn partij belangrijk vindt, wordt gehoord.",
                            "What matters to my party is being heard."),
                    scale("sharedSolution", Dimension.SHARED_SOLUTION, "We komen dichter bij een gezamenlijke oplossing.",
                            "We are getting closer to a joint solution."),
                    scale("ownership", Dimension.OWNERSHIP, "Zonder begeleiding zouden we hier samen uitkomen.",
                            "We would find our way together without a facilitator."),
                    scale("calm", Dimension.CALM, "Ik ervaar rust in dit traject.", "I experience calm in this process."))));

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper json;

    BuiltInQuestionnaires(EntityManager em, Caller caller, ObjectMapper json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
    }

    /** Writes the built-ins into the caller's tenant if they are not there yet (safe to call concurrently). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensure() {
        String tenant = caller.tenant().orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        for (BuiltIn b : ALL) {
            UUID id = idFor(tenant, b.key());
            try {
                em.createNativeQuery("""
                        insert into questionnaire (id, tenant, title, purpose, questions, version, created_at, family_id, revision,
                                                   frozen, built_in, title_translations)
                        values (:id, :tenant, :title, :purpose, cast(:questions as jsonb), 0, :now, :id, 1, true, :key,
                                cast(:titles as jsonb))
                        on conflict do nothing""")
                        .setParameter("id", id).setParameter("tenant", tenant).setParameter("title", b.title().get("nl"))
                        .setParameter("purpose", b.purpose()).setParameter("questions", json.writeValueAsString(b.questions()))
                        .setParameter("now", now).setParameter("key", b.key())
                        .setParameter("titles", json.writeValueAsString(b.title()))
                        .executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Built-in questionnaire " + b.key() + " cannot be written", e);
            }
        }
    }

    /** The id a built-in questionnaire has in a tenant. */
    public static UUID idFor(String tenant, String key) {
        return UUID.nameUUIDFromBytes(("dialoog:" + tenant + ":questionnaire:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static Question scale(String key, Dimension dimension, String nl, String en) {
        return new Question(key, nl, QuestionType.SCALE, 1, 5, null, true, dimension, Map.of("en", en));
    }
}
