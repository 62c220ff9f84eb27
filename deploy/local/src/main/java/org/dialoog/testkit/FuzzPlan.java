package org.dialoog.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.testkit.HostileValues.Value;
import org.dialoog.testkit.OpenApiSchemas.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The hostile requests for the operations of an OpenAPI document: each path, query and header parameter and each
 * body field made hostile on its own while everything else stays valid, plus malformed bodies.
 */
final class FuzzPlan {

    /** One operation of the document; {@code method} in capitals, {@code template} relative to the server URL. */
    record Operation(String method, String template, JsonNode node, List<JsonNode> parameters) {
        String label() {
            return method + " " + template;
        }
    }

    /** One hostile request, and for the report where it is hostile and how. */
    record Probe(String operation, String where, String label, String shown, HttpRequest request) {
        String describe() {
            return operation + ", " + where + " = " + label + " (" + shown + ")";
        }
    }

    private record Body(String contentType, JsonNode schema, JsonNode valid) {}

    /** A request as parts: path and query values already URL-encoded. */
    private record Request(
            Map<String, String> path,
            Map<String, String> query,
            Map<String, String> headers,
            @Nullable String contentType,
            @Nullable String body) {

        Request withPath(String name, String encoded) {
            Map<String, String> copy = new LinkedHashMap<>(path);
            copy.put(name, encoded);
            return new Request(copy, query, headers, contentType, body);
        }

        Request withQuery(String name, String encoded) {
            Map<String, String> copy = new LinkedHashMap<>(query);
            copy.put(name, encoded);
            return new Request(path, copy, headers, contentType, body);
        }

        Request withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(path, query, copy, contentType, body);
        }

        Request withBody(String text) {
            return new Request(path, query, headers, contentType, text);
        }

        Request withContentType(@Nullable String type) {
            return new Request(path, query, headers, type, body);
        }
    }

    private static final int SHOWN = 60;
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    private final JsonNode document;
    private final OpenApiSchemas schemas;
    private final HostileValues values;
    private final FuzzBodies bodies;
    private final Map<String, String> known;
    private final Map<String, String> givenBodies;
    private final String base;
    private final String token;
    private final Duration timeout;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private int unsendable;

    /** A plan against {@code base}: the service's root URL and the document's server URL, e.g. {@code http://localhost:8081/api/v1}. */
    FuzzPlan(
            JsonNode document,
            String base,
            String token,
            Duration timeout,
            Map<String, String> known,
            Map<String, String> givenBodies,
            Random random) {
        this.document = document;
        this.schemas = new OpenApiSchemas(document);
        this.values = new HostileValues(random);
        this.bodies = new FuzzBodies(schemas, values, known);
        this.known = known;
        this.givenBodies = givenBodies;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.random = random;
    }

    /** The document's operations in document order, each with its path's and its own parameters. */
    static List<Operation> operations(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode node = path.getValue().path(method);
                if (node.isObject()) {
                    out.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            path.getKey(),
                            node,
                            parameters(path.getValue().path("parameters"), node.path("parameters"))));
                }
            }
        }
        return out;
    }

    /** Hostile values the HTTP client refused to send (control characters in a header, for one). */
    int unsendable() {
        return unsendable;
    }

    /** Every hostile request for one operation. */
    List<Probe> probes(Operation op) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        List<JsonNode> pathParameters = new ArrayList<>();
        List<JsonNode> queryParameters = new ArrayList<>();
        List<JsonNode> headerParameters = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asText();
            switch (p.path("in").asText()) {
                case "path" -> {
                    pathParameters.add(p);
                    String id = knownInPath(op.template(), name);
                    path.put(name, encode(id != null ? id : values.randomUuid()));
                }
                case "query" -> {
                    queryParameters.add(p);
                    if (p.path("required").asBoolean()) {
                        query.put(name, encode(validText(p.path("schema"), name)));
                    }
                }
                case "header" -> headerParameters.add(p);
                default -> {}
            }
        }
        Body body = body(op);
        Request valid = new Request(
                path,
                query,
                Map.of(),
                body == null ? null : body.contentType(),
                body == null ? null : write(body.valid()));
        List<Probe> out = new ArrayList<>();
        for (JsonNode p : pathParameters) {
            String name = p.path("name").asText();
            for (Value v : parameterValues(p)) {
                add(out, op, "path " + name, v.label(), v.text(), valid.withPath(name, encoded(v)));
            }
        }
        for (JsonNode p : queryParameters) {
            String name = p.path("name").asText();
            for (Value v : parameterValues(p)) {
                add(out, op, "query " + name, v.label(), v.text(), valid.withQuery(name, encoded(v)));
            }
        }
        for (JsonNode p : headerParameters) {
            String name = p.path("name").asText();
            for (Value v : parameterValues(p)) {
                if (!v.encoded()) {
                    add(out, op, "header " + name, v.label(), v.text(), valid.withHeader(name, v.text()));
                }
            }
        }
        if (body != null) {
            for (FuzzBodies.Mutation m : bodies.mutations(body.schema(), body.valid())) {
                String where = m.pointer().isEmpty() ? "body" : "body " + m.pointer();
                add(out, op, where, m.label(), m.text(), valid.withBody(write(m.body())));
            }
            for (Map.Entry<String, String> malformed : malformed(body.valid()).entrySet()) {
                add(out, op, "body", malformed.getKey(), malformed.getValue(), valid.withBody(malformed.getValue()));
            }
            add(out, op, "Content-Type", "text/plain", "text/plain", valid.withContentType("text/plain"));
            add(out, op, "Content-Type", "absent", "", valid.withContentType(null));
        }
        return out;
    }

    /** Bodies that are not JSON, or not plain JSON (null, a string or another type at the top come from FuzzBodies). */
    private Map<String, String> malformed(JsonNode valid) {
        Map<String, String> out = new LinkedHashMap<>();
        if (valid.isObject() && !valid.isEmpty()) {
            Map.Entry<String, JsonNode> first = valid.properties().iterator().next();
            out.put(
                    "a duplicated key",
                    "{" + HostileValues.quote(first.getKey()) + ":" + write(first.getValue()) + ","
                            + write(valid).substring(1));
        }
        out.put("not JSON", "{\"unclosed\": ");
        out.put("plain text", "hello");
        out.put("empty body", "");
        out.put("trailing garbage", write(valid) + " }{");
        out.put("nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000));
        return out;
    }

    private @Nullable Body body(Operation op) {
        JsonNode content = op.node().path("requestBody").path("content");
        String contentType = jsonType(content);
        if (contentType == null) {
            return null;
        }
        JsonNode schema = content.path(contentType).path("schema");
        String given = givenBodies.get(op.label());
        // A merge patch is documented as any JSON: mutate the fields of the collection's create request instead.
        if (op.method().equals("PATCH")
                && op.template().endsWith("}")
                && OpenApiSchemas.kind(schemas.resolve(schema)) == Kind.ANY) {
            String collection = op.template().substring(0, op.template().lastIndexOf('/'));
            JsonNode create = document.path("paths")
                    .path(collection)
                    .path("post")
                    .path("requestBody")
                    .path("content");
            String createType = jsonType(create);
            if (createType != null) {
                schema = create.path(createType).path("schema");
                if (given == null) {
                    given = givenBodies.get("POST " + collection);
                }
            }
        }
        return new Body(contentType, schema, given != null ? bodies.parse(given) : bodies.valid(schema, null));
    }

    private static @Nullable String jsonType(JsonNode content) {
        if (content.has("application/json")) {
            return "application/json";
        }
        for (Map.Entry<String, JsonNode> e : content.properties()) {
            if (e.getKey().contains("json")) {
                return e.getKey();
            }
        }
        return null;
    }

    private List<Value> parameterValues(JsonNode parameter) {
        JsonNode schema = schemas.resolve(parameter.path("schema"));
        Kind kind = OpenApiSchemas.kind(schema);
        if (kind == Kind.ARRAY) {
            schema = schemas.resolve(schema.path("items"));
            kind = OpenApiSchemas.kind(schema);
        }
        return values.text(kind, schema);
    }

    private String validText(JsonNode schema, String name) {
        JsonNode v = bodies.valid(schema, name);
        if (v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** A real id for a path parameter: by {@code segment/{name}} (e.g. {@code sessions/{id}}) first, then by name. */
    private @Nullable String knownInPath(String template, String name) {
        String parameter = "{" + name + "}";
        int at = template.indexOf(parameter);
        if (at < 0) {
            return known.get(name);
        }
        String before = template.substring(0, at);
        String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1);
        String scoped = known.get(segment + parameter);
        return scoped != null ? scoped : known.get(name);
    }

    private void add(List<Probe> out, Operation op, String where, String label, String value, Request r) {
        try {
            out.add(new Probe(op.label(), where, label, shown(value), request(op, r)));
        } catch (IllegalArgumentException refusedByTheClient) {
            unsendable++;
        }
    }

    private HttpRequest request(Operation op, Request r) {
        String url = base + op.template();
        for (Map.Entry<String, String> p : r.path().entrySet()) {
            url = url.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (!r.query().isEmpty()) {
            url = url + "?"
                    + r.query().entrySet().stream()
                            .map(q -> encode(q.getKey()) + "=" + q.getValue())
                            .collect(Collectors.joining("&"));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                // public operations are limited per client address; the test profile reads it from here
                .header(
                        "X-Forwarded-For",
                        "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        r.headers().forEach(b::header);
        String contentType = r.contentType();
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        String body = r.body();
        return b.method(
                        op.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static List<JsonNode> parameters(JsonNode shared, JsonNode own) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode p : shared) {
            byKey.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
        }
        for (JsonNode p : own) {
            byKey.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
        }
        return new ArrayList<>(byKey.values());
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + node, e);
        }
    }

    private static String encoded(Value v) {
        return v.encoded() ? v.text() : encode(v.text());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value as a report shows it: control characters escaped, long ones cut. */
    static String shown(String value) {
        return printable(
                value.length() > SHOWN ? value.substring(0, SHOWN) + "… (" + value.length() + " chars)" : value);
    }

    /** Text with its control characters escaped, so that a report prints it on one line. */
    static String printable(String text) {
        return text.chars()
                .mapToObj(c ->
                        c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
