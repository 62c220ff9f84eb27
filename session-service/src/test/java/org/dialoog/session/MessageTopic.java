package org.dialoog.session;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.dialoog.testkit.TopicReader;

/** Message requests on the messages topic, as the services that send mail read them. */
public final class MessageTopic {

    public static final String TOPIC = "dialoog.messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageTopic() {}

    /** The requests of one engagement (the topic's key) that {@code match}, once {@code count} arrived (or 30 s). */
    public static List<JsonNode> read(UUID engagementId, Predicate<JsonNode> match, int count) {
        return read(engagementId, match, count, Duration.ofSeconds(30));
    }

    public static List<JsonNode> read(UUID engagementId, Predicate<JsonNode> match, int count, Duration timeout) {
        return TopicReader.read(
                        TOPIC,
                        r -> r.key().equals(engagementId.toString()) && match.test(parse(r.value())),
                        found -> found.size() >= count,
                        timeout)
                .stream()
                .map(r -> parse(r.value()))
                .toList();
    }

    /** Requests of one kind about one session. */
    public static Predicate<JsonNode> kind(String kind, String sessionId) {
        return m -> m.path("kind").asText().equals(kind)
                && m.path("sessionId").asText().equals(sessionId);
    }

    /** The code at the end of a request's personal link. */
    public static String code(JsonNode message) {
        String link = message.path("link").asText();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    public static String recipient(JsonNode message) {
        return message.path("recipient").path("id").asText();
    }

    /** The request's calendar, parsed as a calendar app would. */
    public static Calendar calendar(JsonNode message) throws Exception {
        return new CalendarBuilder()
                .build(new StringReader(message.path("calendar").path("content").asText()));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON on " + TOPIC + ": " + e.getMessage(), e);
        }
    }
}
