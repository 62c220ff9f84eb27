package org.dialoog.feedback.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dialoog.conventions.config.ApiConfig;
import org.dialoog.conventions.mail.MessageKind;
import org.dialoog.conventions.mail.MessageRequest;
import org.dialoog.conventions.mail.Messages;
import org.dialoog.feedback.FeedbackRound;
import org.dialoog.feedback.KnownSession;
import org.dialoog.feedback.Questionnaire;
import org.dialoog.feedback.SessionAttendee;
import org.dialoog.feedback.TokenIssue;
import org.dialoog.feedback.config.RoundMailConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jspecify.annotations.Nullable;

/**
 * A round's mails, decided in the transaction of the fact that causes them: when a MAIL round opens,
 * each member of its audience gets one personal token in a FEEDBACK_ROUND_OPENED message (the
 * message request is the only place a token and a participant id meet; feedback-service keeps
 * neither together); a reminder goes to everyone who was issued a token, without a link, because
 * telling who did not answer would tie tokens to people.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RoundMailing {

    private final TokenService tokens;
    private final Messages messages;
    private final RoundMailConfig config;
    private final String respondUrl;

    RoundMailing(
            TokenService tokens,
            Messages messages,
            RoundMailConfig config,
            ApiConfig api,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8083") int port) {
        this.tokens = tokens;
        this.messages = messages;
        this.config = config;
        String template = config.respondUrl();
        this.respondUrl = template.startsWith("/")
                ? api.publicBaseUrl()
                                .map(u -> u.toString().replaceAll("/+$", ""))
                                .orElse("http://localhost:" + port)
                        + template
                : template;
    }

    /**
     * Whether the round is to be mailed at {@code now}: MAIL, open, not mailed yet, and its audience
     * known (an ATTENDEES round waits for its session's attendance).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean due(FeedbackRound round, OffsetDateTime now) {
        return FeedbackRound.Delivery.MAIL.name().equals(round.delivery)
                && round.mailedAt == null
                && !FeedbackRound.Audience.PUBLIC.name().equals(round.audience)
                && round.state(now) == FeedbackRound.State.OPEN
                && (!FeedbackRound.Audience.ATTENDEES.name().equals(round.audience)
                        || SessionAttendee.count("sessionId", round.sessionId) > 0);
    }

    /**
     * Issues a token to every member of the round's audience who has none yet and decides one
     * FEEDBACK_ROUND_OPENED message with the personal link for each. The caller checked {@link #due},
     * holds the round (new, or locked) and sets its {@code mailedAt} in the same transaction.
     *
     * @return how many were mailed
     */
    public int mail(FeedbackRound round) {
        List<TokenService.Issued> issued = tokens.issueToAudience(round);
        Map<String, String> values = values(round);
        for (TokenService.Issued i : issued) {
            messages.request(request(
                    round,
                    MessageKind.FEEDBACK_ROUND_OPENED,
                    i.participantId(),
                    RoundLinks.respondLink(respondUrl, round.id, i.token()),
                    values));
        }
        return issued.size();
    }

    /**
     * Asks every participant who was issued a token for the round again, without a link ("if you
     * already answered, ignore this"). The caller holds the round locked and checked it is open.
     *
     * @return how many were asked
     */
    public int remind(FeedbackRound round, OffsetDateTime now) {
        Map<String, String> values = values(round);
        List<TokenIssue> asked = TokenIssue.list("roundId", round.id);
        for (TokenIssue t : asked) {
            messages.request(request(round, MessageKind.FEEDBACK_ROUND_REMINDER, t.participantId, null, values));
        }
        round.remindedAt = now;
        FeedbackRound.flush();
        return asked.size();
    }

    /** How long before closesAt a mailed round is reminded by itself, if at all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Duration> remindBeforeClose() {
        return config.remindBeforeClose();
    }

    /** The least time between two reminders of a round. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Duration reminderGap() {
        return config.reminderGap();
    }

    private static MessageRequest request(
            FeedbackRound round,
            MessageKind kind,
            UUID participantId,
            @Nullable String link,
            Map<String, String> values) {
        return new MessageRequest(
                UUID.randomUUID(),
                kind,
                new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, participantId),
                round.engagementId,
                round.sessionId,
                round.id,
                link,
                values,
                null);
    }

    /** What the templates show: the round's title (its questionnaire's), when it closes, its session's title. */
    private static Map<String, String> values(FeedbackRound round) {
        Map<String, String> values = new HashMap<>();
        Questionnaire q = Questionnaire.findById(round.questionnaireId);
        if (q != null) {
            values.put("roundTitle", q.title);
            if (q.titleTranslations != null) {
                q.titleTranslations.forEach((language, title) -> values.put("roundTitle." + language, title));
            }
        }
        if (round.closesAt != null) {
            values.put(
                    "closesAt",
                    round.closesAt.withOffsetSameInstant(ZoneOffset.UTC).toString());
        }
        if (round.sessionId != null) {
            KnownSession s = KnownSession.findById(round.sessionId);
            if (s != null && s.title != null) {
                values.put("sessionTitle", s.title);
            }
        }
        return Map.copyOf(values);
    }
}
