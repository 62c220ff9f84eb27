package org.dialoog.conventions.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind has a template in both languages that renders the request's values, the name and the footer. */
class MessageTemplatesTest {

    private static final MessageTemplates TEMPLATES =
            new MessageTemplates(Engine.builder().addDefaults().build());

    private static final Map<String, String> VALUES = Map.of(
            "sessionTitle", "Buurtavond Lombok",
            "startsAt", "2026-03-03T19:00:00+01:00",
            "endsAt", "2026-03-03T21:00:00+01:00",
            "timeZone", "Europe/Amsterdam",
            "location", "Buurthuis De Boei",
            "onlineUrl", "https://meet.example.org/lombok",
            "engagementTitle", "Lombok aan tafel",
            "pollTitle", "Tweede avond",
            "roundTitle", "Hoe ging het?",
            "closesAt", "2026-03-10T17:00:00+01:00");

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void everyKindRendersInDutchAndEnglish(MessageKind kind) {
        for (String language : new String[] {"nl", "en"}) {
            MessageTemplates.Rendered r = TEMPLATES.render(
                    request(kind, "https://dialoog.test/x/code"),
                    new Addressee("a@example.nl", "Sanne de Wit", language, false));
            assertThat(r.subject()).isNotBlank().doesNotContain("{", "}", "\n");
            assertThat(r.text())
                    .contains("Sanne de Wit")
                    .contains("Lombok aan tafel")
                    .doesNotContain("{", "}", "a@example.nl");
            if (kind != MessageKind.FEEDBACK_ROUND_REMINDER) {
                assertThat(r.text()).contains("https://dialoog.test/x/code");
            } else {
                assertThat(r.text()).doesNotContain("https://dialoog.test/x/code"); // reminders carry no link
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"INVITATION", "SESSION_RESCHEDULED", "SESSION_REMINDER"})
    void sessionTimesAreShownInTheSessionsZoneAndTheRecipientsLanguage(MessageKind kind) {
        String nl = TEMPLATES
                .render(request(kind, null), new Addressee("a@example.nl", "A", "nl", false))
                .text();
        String en = TEMPLATES
                .render(request(kind, null), new Addressee("a@example.nl", "A", "EN", false))
                .text();
        assertThat(nl)
                .contains("dinsdag 3 maart 2026, 19:00–21:00 (Europe/Amsterdam)")
                .contains("Buurthuis De Boei");
        assertThat(en).contains("Tuesday 3 March 2026, 19:00–21:00 (Europe/Amsterdam)");
    }

    private static MessageRequest request(MessageKind kind, @org.jspecify.annotations.Nullable String link) {
        return new MessageRequest(
                UUID.randomUUID(),
                kind,
                new MessageRequest.Recipient(MessageRequest.RecipientType.PARTICIPANT, UUID.randomUUID()),
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                link,
                VALUES,
                null);
    }
}
