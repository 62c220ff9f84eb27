package org.dialoog.feedback.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.security.Caller;
import org.dialoog.feedback.Question;
import org.dialoog.feedback.Question.Dimension;
import org.dialoog.feedback.Question.QuestionType;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.store.QuestionnaireStore;

/**
 * The questionnaires every tenant has without asking: a session evaluation and a trust pulse,
 * covering the six dimensions on a 1–5 scale, and trust between parties (one PARTY_TRUST item,
 * whose answers form the party × party trust matrix), all in Dutch with English translations.
 * They are written into the tenant's own questionnaires on first use, frozen, with ids derived
 * from the tenant so they are the same on every replica.
 *
 * <p>Trust between parties is a questionnaire of its own rather than an item of the trust pulse:
 * a built-in is written once per tenant and never changed (a tenant that has the pulse would not
 * get the item, and rounds already held would no longer match its questions), and the pulse also
 * serves PUBLIC rounds, where a respondent has no party and so cannot rate the others.
 */
@ApplicationScoped
public class BuiltInQuestionnaires {

    public static final String SESSION_EVALUATION = "session-evaluation";
    public static final String TRUST_PULSE = "trust-pulse";
    public static final String PARTY_TRUST = "party-trust";

    private record BuiltIn(
            String key, Questionnaire.Purpose purpose, Map<String, String> title, List<Question> questions) {}

    private static final List<BuiltIn> ALL = List.of(
            new BuiltIn(
                    SESSION_EVALUATION,
                    Questionnaire.Purpose.SESSION_EVALUATION,
                    Map.of("nl", "Evaluatie bijeenkomst", "en", "Session evaluation"),
                    List.of(
                            scale(
                                    "trust",
                                    Dimension.TRUST,
                                    "Ik vertrouw erop dat de andere partijen zich aan afspraken houden.",
                                    "I trust the other parties to keep to what we agree."),
                            scale(
                                    "communication",
                                    Dimension.COMMUNICATION,
                                    "We spraken vandaag open en respectvol met elkaar.",
                                    "Today we spoke with each other openly and respectfully."),
                            scale(
                                    "voice",
                                    Dimension.VOICE,
                                    "Mijn perspectief kreeg vandaag voldoende ruimte.",
                                    "My perspective was given enough room today."),
                            scale(
                                    "sharedSolution",
                                    Dimension.SHARED_SOLUTION,
                                    "Er groeit een oplossing die alle partijen kunnen dragen.",
                                    "A solution that every party can support is emerging."),
                            scale(
                                    "ownership",
                                    Dimension.OWNERSHIP,
                                    "Wij kunnen dit steeds meer zelf organiseren.",
                                    "We are increasingly able to organise this ourselves."),
                            scale(
                                    "calm",
                                    Dimension.CALM,
                                    "De sfeer in de groep was rustig en veilig.",
                                    "The atmosphere in the group was calm and safe."),
                            new Question(
                                    "remarks",
                                    "Wat wil je de procesbegeleider nog meegeven?",
                                    QuestionType.TEXT,
                                    null,
                                    null,
                                    null,
                                    false,
                                    null,
                                    Map.of("en", "Is there anything you would like to tell the facilitator?")))),
            new BuiltIn(
                    TRUST_PULSE,
                    Questionnaire.Purpose.PULSE,
                    Map.of("nl", "Vertrouwenspeiling", "en", "Trust pulse"),
                    List.of(
                            scale(
                                    "trust",
                                    Dimension.TRUST,
                                    "Op dit moment vertrouw ik de andere partijen.",
                                    "At this moment I trust the other parties."),
                            scale(
                                    "communication",
                                    Dimension.COMMUNICATION,
                                    "De communicatie tussen de partijen verloopt goed.",
                                    "Communication between the parties is going well."),
                            scale(
                                    "voice",
                                    Dimension.VOICE,
                                    "Wat mijn partij belangrijk vindt, wordt gehoord.",
                                    "What matters to my party is being heard."),
                            scale(
                                    "sharedSolution",
                                    Dimension.SHARED_SOLUTION,
                                    "We komen dichter bij een gezamenlijke oplossing.",
                                    "We are getting closer to a joint solution."),
                            scale(
                                    "ownership",
                                    Dimension.OWNERSHIP,
                                    "Zonder begeleiding zouden we hier samen uitkomen.",
                                    "We would find our way together without a facilitator."),
                            scale(
                                    "calm",
                                    Dimension.CALM,
                                    "Ik ervaar rust in dit traject.",
                                    "I experience calm in this process."))),
            new BuiltIn(
                    PARTY_TRUST,
                    Questionnaire.Purpose.PULSE,
                    Map.of("nl", "Vertrouwen tussen partijen", "en", "Trust between parties"),
                    List.of(new Question(
                            "trustInParties",
                            "Hoeveel vertrouwen heb je op dit moment in elk van de andere partijen?",
                            QuestionType.PARTY_TRUST,
                            1,
                            5,
                            null,
                            true,
                            Dimension.TRUST,
                            Map.of("en", "How much do you trust each of the other parties at this moment?")))));

    private final QuestionnaireStore store;
    private final Caller caller;

    BuiltInQuestionnaires(QuestionnaireStore store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    /** Writes the built-ins into the caller's tenant if they are not there yet (safe to call concurrently). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensure() {
        String tenant = caller.tenant().orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (BuiltIn b : ALL) {
            store.insertBuiltIn(
                    idFor(tenant, b.key()), tenant, b.key(), b.purpose().name(), b.title(), b.questions(), now);
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
