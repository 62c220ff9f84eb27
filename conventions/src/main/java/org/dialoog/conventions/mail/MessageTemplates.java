package org.dialoog.conventions.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.jspecify.annotations.Nullable;

/**
 * Renders a message from its Qute template in the recipient's language: {@code mail-templates/<KIND>.<lang>.txt}
 * (first line the subject, the rest the text) followed by {@code mail-templates/footer.<lang>.txt}. The templates
 * are read from the class path and parsed once, so they work from the conventions jar in every service (Qute's
 * own build-time discovery looks at the application's {@code templates/} only).
 */
@ApplicationScoped
public class MessageTemplates {

    /** A rendered message: one subject line and the plain text. */
    public record Rendered(String subject, String text) {}

    static final String DEFAULT_ZONE = "Europe/Amsterdam";
    private static final String ROOT = "mail-templates/";

    private final Engine engine;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    MessageTemplates(Engine engine) {
        this.engine = engine;
    }

    public Rendered render(MessageRequest request, Addressee to) {
        String language = to.templateLanguage();
        Map<String, Object> data = data(request, to, language);
        String whole =
                fill(template(request.kind().name() + "." + language), data).strip();
        int firstLineEnd = whole.indexOf('\n');
        String subject = (firstLineEnd < 0 ? whole : whole.substring(0, firstLineEnd))
                .replaceAll("[\\r\\n]", " ")
                .strip();
        String body = firstLineEnd < 0 ? "" : whole.substring(firstLineEnd + 1).strip();
        String footer = fill(template("footer." + language), data).strip();
        return new Rendered(subject, body + "\n\n-- \n" + footer + "\n");
    }

    private static String fill(Template template, Map<String, Object> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private Template template(String name) {
        return parsed.computeIfAbsent(name, n -> engine.parse(read(ROOT + n + ".txt")));
    }

    private static String read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MessageTemplates.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No mail template " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a template sees: the request's values, times made readable, the name and the link. */
    static Map<String, Object> data(MessageRequest request, Addressee to, String language) {
        Map<String, Object> data = new HashMap<>();
        request.values().forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                data.put(k, v);
            }
        });
        Locale locale = Locale.forLanguageTag(language);
        ZoneId zone = zone(request.values().get("timeZone"));
        data.put("timeZone", zone.getId());
        ZonedDateTime starts = time(request.values().get("startsAt"), zone);
        ZonedDateTime ends = time(request.values().get("endsAt"), zone);
        ZonedDateTime closes = time(request.values().get("closesAt"), zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm", locale);
        if (starts != null) {
            data.put("startsAt", day.format(starts) + " " + hour.format(starts));
            String when = day.format(starts) + ", " + hour.format(starts);
            if (ends != null) {
                when += ends.toLocalDate().equals(starts.toLocalDate())
                        ? "–" + hour.format(ends)
                        : " – " + day.format(ends) + ", " + hour.format(ends);
            }
            data.put("when", when + " (" + zone.getId() + ")");
        }
        if (ends != null) {
            data.put("endsAt", day.format(ends) + " " + hour.format(ends));
        }
        if (closes != null) {
            data.put("closesAt", day.format(closes) + " " + hour.format(closes) + " (" + zone.getId() + ")");
        }
        data.put("name", to.displayName());
        String link = request.link();
        if (link != null && !link.isBlank()) {
            data.put("link", link);
        }
        return data;
    }

    private static ZoneId zone(@Nullable String id) {
        try {
            return ZoneId.of(id == null || id.isBlank() ? DEFAULT_ZONE : id);
        } catch (DateTimeException e) {
            return ZoneId.of(DEFAULT_ZONE);
        }
    }

    private static @Nullable ZonedDateTime time(@Nullable String iso, ZoneId zone) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
        } catch (DateTimeException e) {
            return null; // a value the template cannot read is left out rather than shown wrong
        }
    }
}
