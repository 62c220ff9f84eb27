package org.dialoog.feedback.rest;

import static org.dialoog.feedback.Feedback.anonymous;
import static org.dialoog.feedback.Feedback.facilitator;
import static org.dialoog.feedback.Feedback.respond;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DialoogTestResource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public form read and the public list of open PUBLIC rounds (#18), through HTTP. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class FeedbackFormTest {

    private static final String OTHER_TENANT = "other";
    private static final Map<String, Object> REMARKS =
            Map.of("key", "remarks", "text", "Opmerkingen?", "type", "TEXT", "required", false);

    private static Feedback feedback;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feedback = new Feedback();
    }

    @AfterAll
    static void tearDown() {
        feedback.close();
    }

    private static ValidatableResponse form(String round, @Nullable String token) {
        var request = anonymous();
        if (token != null) {
            request = request.header("Respondent-Token", token);
        }
        return request.get("/api/v1/feedback-rounds/{roundId}/form", round).then();
    }

    private static ValidatableResponse publicRounds(UUID engagementId) {
        return anonymous()
                .get("/api/v1/engagements/{engagementId}/public-rounds", engagementId)
                .then();
    }

    @Test
    void aResidentFetchesTheFormWithATokenAnswersAndFetchingAgainSaysTheTokenIsSpent() {
        Feedback.Engagement e = feedback.engagement(2);
        String round = Feedback.round(
                e.id(), Feedback.questionnaire(List.of(Feedback.TRUST, REMARKS)), "PARTICIPANTS", Map.of());
        String token = Feedback.token(Feedback.tokens(round), e.participants(0).get(0));

        for (int read = 0; read < 2; read++) {
            form(round, token)
                    .statusCode(200)
                    .header("Content-Language", "nl")
                    .body("answerState", equalTo("VALID"))
                    .body("round.id", equalTo(round))
                    .body("round.state", equalTo("OPEN"))
                    .body("round.audience", equalTo("PARTICIPANTS"))
                    .body("language", equalTo("nl"))
                    .body("title", equalTo("Peiling"))
                    .body("questions.key", contains("trust", "remarks"))
                    .body("parties", empty())
                    .body("$", not(org.hamcrest.Matchers.hasKey("responses")));
        }
        respond(round, token, Map.of("trust", 4)).statusCode(201);
        form(round, token).statusCode(200).body("answerState", equalTo("SPENT"));
        respond(round, token, Map.of("trust", 4)).statusCode(409);
    }

    @Test
    void textsComeInTheFirstLanguageTheQuestionnaireHasInFullElseInItsOwn() {
        Feedback.Engagement e = feedback.engagement(1);
        Map<String, Object> translated = Map.of(
                "key",
                "trust",
                "text",
                "Ik vertrouw de anderen.",
                "type",
                "SCALE",
                "min",
                1,
                "max",
                5,
                "required",
                true,
                "dimension",
                "TRUST",
                "translations",
                Map.of("en", "I trust the others.", "fr", "J'ai confiance."));
        Map<String, Object> onlyEnglish = Map.of(
                "key",
                "voice",
                "text",
                "Ik werd gehoord.",
                "type",
                "SCALE",
                "min",
                1,
                "max",
                5,
                "required",
                true,
                "dimension",
                "VOICE",
                "translations",
                Map.of("en", "I was heard."));
        String questionnaire = facilitator()
                .body(Map.of(
                        "title",
                        "Peiling",
                        "purpose",
                        "PULSE",
                        "questions",
                        List.of(translated, onlyEnglish),
                        "titleTranslations",
                        Map.of("en", "Pulse", "fr", "Sondage")))
                .post("/api/v1/questionnaires")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        String token = Feedback.token(Feedback.tokens(round), e.participants(0).get(0));

        form(round, token)
                .header("Content-Language", "nl")
                .body("language", equalTo("nl"))
                .body("questions.text", contains("Ik vertrouw de anderen.", "Ik werd gehoord."));
        anonymous()
                .header("Respondent-Token", token)
                .header("Accept-Language", "de-DE, en;q=0.8")
                .get("/api/v1/feedback-rounds/{roundId}/form", round)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("language", equalTo("en"))
                .body("title", equalTo("Pulse"))
                .body("questions.text", contains("I trust the others.", "I was heard."))
                .body("questions[0].translations", equalTo(null));
        // French has a title and one question: not the whole form, so all of it stays Dutch
        anonymous()
                .header("Respondent-Token", token)
                .header("Accept-Language", "fr")
                .get("/api/v1/feedback-rounds/{roundId}/form", round)
                .then()
                .statusCode(200)
                .header("Content-Language", "nl")
                .body("language", equalTo("nl"))
                .body("title", equalTo("Peiling"))
                .body("questions.text", contains("Ik vertrouw de anderen.", "Ik werd gehoord."));
        // the questionnaire read no longer says "fr" for texts that are Dutch
        facilitator()
                .header("Accept-Language", "fr")
                .get("/api/v1/questionnaires/{questionnaireId}", questionnaire)
                .then()
                .statusCode(200)
                .body("language", equalTo("nl"))
                .body("title", equalTo("Peiling"));
    }

    @Test
    void aPartyTrustFormListsTheOtherPartiesNeverTheOwn() {
        Feedback.Engagement e = feedback.engagement(1, 1, 1);
        String partyTrust = facilitator()
                .get("/api/v1/questionnaires?purpose=PULSE&pageSize=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.builtIn == 'party-trust' }.id");
        String round = Feedback.round(e.id(), partyTrust, "PARTICIPANTS", Map.of());
        UUID respondent = e.participants(0).get(0);
        form(round, Feedback.token(Feedback.tokens(round), respondent))
                .statusCode(200)
                .body("questions.type", hasItem("PARTY_TRUST"))
                .body(
                        "parties.id",
                        containsInAnyOrder(
                                e.parties().get(1).toString(),
                                e.parties().get(2).toString()))
                .body("parties.name", containsInAnyOrder("Partij 2", "Partij 3"))
                .body("parties.id", not(hasItem(e.parties().get(0).toString())));
    }

    @Test
    void aBadTokenIsRefusedExactlyAsAResponseWithItWouldBe() {
        Feedback.Engagement e = feedback.engagement(2);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        String other = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        Feedback.tokens(round);
        String otherToken = Feedback.tokens(other).values().iterator().next();

        for (String token : List.of("not-a-token", otherToken)) {
            var posted = respond(round, token, Map.of("trust", 4)).extract();
            form(round, token)
                    .statusCode(posted.statusCode())
                    .contentType("application/problem+json")
                    .body("type", equalTo(posted.path("type")))
                    .body("title", equalTo(posted.path("title")))
                    .body("detail", equalTo(posted.path("detail")));
        }
        form(round, null).statusCode(400).body("invalidParams.name", hasItem("Respondent-Token"));
        form(UUID.randomUUID().toString(), "not-a-token").statusCode(404);
        // reading with the other round's token spent nothing
        form(other, otherToken).statusCode(200).body("answerState", equalTo("VALID"));
    }

    @Test
    void aClosedOrNotYetOpenRoundSaysSo() {
        Feedback.Engagement e = feedback.engagement(1);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String round = Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        String token = Feedback.tokens(round).values().iterator().next();
        facilitator()
                .post("/api/v1/feedback-rounds/{roundId}/close", round)
                .then()
                .statusCode(200);
        form(round, token)
                .statusCode(200)
                .body("answerState", equalTo("ROUND_CLOSED"))
                .body("round.state", equalTo("CLOSED"));

        String later = Feedback.round(
                e.id(),
                questionnaire,
                "PARTICIPANTS",
                Map.of("opensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()));
        form(later, Feedback.tokens(later).values().iterator().next())
                .statusCode(200)
                .body("answerState", equalTo("ROUND_NOT_YET_OPEN"))
                .body("round.state", equalTo("SCHEDULED"));
    }

    @Test
    void aPublicRoundIsReadWithoutAToken() {
        Feedback.Engagement e = feedback.engagement(1);
        String round = Feedback.round(e.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PUBLIC", Map.of());
        form(round, null)
                .statusCode(200)
                .body("answerState", equalTo("NO_TOKEN_NEEDED"))
                .body("round.audience", equalTo("PUBLIC"))
                .body("questions.key", contains("trust"));
        form(round, "a-token").statusCode(400).body("invalidParams.name", hasItem("Respondent-Token"));
    }

    @Test
    void discoveryListsOnlyTheOpenPublicRoundsOfThatEngagement() {
        Feedback.Engagement e = feedback.engagement(1);
        Feedback.Engagement neighbour = feedback.engagement(1);
        String questionnaire = Feedback.questionnaire(List.of(Feedback.TRUST));
        String open = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
        Feedback.round(
                e.id(),
                questionnaire,
                "PUBLIC",
                Map.of("opensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()));
        String closed = Feedback.round(e.id(), questionnaire, "PUBLIC", Map.of());
        facilitator()
                .post("/api/v1/feedback-rounds/{roundId}/close", closed)
                .then()
                .statusCode(200);
        Feedback.round(e.id(), questionnaire, "PARTICIPANTS", Map.of());
        Feedback.round(neighbour.id(), questionnaire, "PUBLIC", Map.of());

        publicRounds(e.id())
                .statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"first\""))
                .body("items.id", contains(open))
                .body("items[0].title", equalTo("Peiling"))
                .body("items[0].language", equalTo("nl"))
                .body("total", equalTo(1))
                .body("page", equalTo(1))
                .body("pageSize", equalTo(20));
        publicRounds(UUID.randomUUID()).statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void nothingOfAnotherTenant() {
        Feedback.Engagement ours = feedback.engagement(1);
        String ourRound =
                Feedback.round(ours.id(), Feedback.questionnaire(List.of(Feedback.TRUST)), "PARTICIPANTS", Map.of());
        String ourToken = Feedback.tokens(ourRound).values().iterator().next();

        Feedback.Engagement theirs = feedback.engagementOf(OTHER_TENANT, 1);
        var admin = Feedback.as("admin-elsewhere", "admin", OTHER_TENANT);
        String theirQuestionnaire = admin.body(
                        Map.of("title", "Elders", "purpose", "PULSE", "questions", List.of(Feedback.TRUST)))
                .post("/api/v1/questionnaires")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String theirRound = Feedback.as("admin-elsewhere", "admin", OTHER_TENANT)
                .body(Map.of(
                        "engagementId",
                        theirs.id().toString(),
                        "questionnaireId",
                        theirQuestionnaire,
                        "audience",
                        "PARTICIPANTS",
                        "delivery",
                        "MANUAL"))
                .post("/api/v1/feedback-rounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // our token is unknown there (403), not "another round's" (409): tokens are looked up in the round's tenant
        form(theirRound, ourToken).statusCode(403);
        publicRounds(ours.id()).statusCode(200).body("items", empty());
        publicRounds(theirs.id()).statusCode(200).body("items", empty());
    }
}
