package org.dialoog.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jspecify.annotations.Nullable;

/**
 * A tiny OpenTelemetry collector for tests: receives OTLP/HTTP protobuf trace exports on
 * {@code POST /v1/traces} and answers {@code GET /spans} with what it received, as JSON. As a test
 * resource it points the service's exporter at itself ({@code http/protobuf}, short batch delay); the
 * exporter itself is switched on at build time, so the test's profile sets
 * {@code quarkus.otel.exporter.otlp.enabled=true}. A test reads the spans with {@link #spans(String)},
 * giving the exporter's endpoint, so it needs no reference to the receiver (Quarkus may start resources
 * in another class loader).
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    /** One received span; ids in lower-case hex, {@code parentSpanId} empty for a root span. */
    public record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            int kind,
            Map<String, String> attributes) {

        /** OTLP's {@code SpanKind} numbers. */
        public static final int SERVER = 2;

        public static final int PRODUCER = 4;
        public static final int CONSUMER = 5;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ReceivedSpan> received = new CopyOnWriteArrayList<>();
    private @Nullable HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/v1/traces", this::receive);
            s.createContext("/spans", this::list);
            s.start();
            server = s;
            return Map.of(
                    "quarkus.otel.exporter.otlp.endpoint",
                            "http://127.0.0.1:" + s.getAddress().getPort(),
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The spans the receiver at {@code endpoint} (the exporter's endpoint) has received so far. */
    public static List<ReceivedSpan> spans(String endpoint) {
        try {
            String body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(endpoint + "/spans"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return JSON.readValue(body, new TypeReference<List<ReceivedSpan>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            received.addAll(exportRequest(in.readAllBytes()));
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = JSON.writeValueAsBytes(new ArrayList<>(received));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    // The few fields of opentelemetry/proto/collector/trace/v1/trace_service.proto and trace/v1/trace.proto
    // a test asks about, read straight from the protobuf wire format.

    /** ExportTraceServiceRequest: 1 = ResourceSpans. */
    static List<ReceivedSpan> exportRequest(byte[] message) {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (Field f : Field.all(message)) {
            if (f.number == 1) {
                resourceSpans(f.bytes(), spans);
            }
        }
        return spans;
    }

    /** ResourceSpans: 1 = Resource (1 = attributes), 2 = ScopeSpans (2 = Span). */
    private static void resourceSpans(byte[] message, List<ReceivedSpan> into) {
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        for (Field f : Field.all(message)) {
            if (f.number == 1) {
                Map<String, String> resource = new LinkedHashMap<>();
                Field.all(f.bytes()).stream().filter(a -> a.number == 1).forEach(a -> keyValue(a.bytes(), resource));
                service = resource.getOrDefault("service.name", "");
            } else if (f.number == 2) {
                scopes.add(f.bytes());
            }
        }
        for (byte[] scope : scopes) {
            for (Field f : Field.all(scope)) {
                if (f.number == 2) {
                    into.add(span(service, f.bytes()));
                }
            }
        }
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes. */
    private static ReceivedSpan span(String service, byte[] message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field f : Field.all(message)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes());
                case 4 -> parent = HexFormat.of().formatHex(f.bytes());
                case 5 -> name = f.text();
                case 6 -> kind = (int) f.varint;
                case 9 -> keyValue(f.bytes(), attributes);
                default -> {}
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes);
    }

    /** KeyValue: 1 key, 2 AnyValue (1 string_value, 3 int_value); other value kinds are left out. */
    private static void keyValue(byte[] message, Map<String, String> into) {
        String key = null;
        String value = null;
        for (Field f : Field.all(message)) {
            if (f.number == 1) {
                key = f.text();
            } else if (f.number == 2) {
                for (Field v : Field.all(f.bytes())) {
                    if (v.number == 1) {
                        value = v.text();
                    } else if (v.number == 3) {
                        value = Long.toString(v.varint);
                    }
                }
            }
        }
        if (key != null && value != null) {
            into.put(key, value);
        }
    }

    /** One field of a protobuf message: its number and its varint or length-delimited value. */
    private static final class Field {

        final int number;
        final long varint;
        private final byte[] value;

        Field(int number, long varint, byte @Nullable [] value) {
            this.number = number;
            this.varint = varint;
            this.value = value == null ? new byte[0] : value;
        }

        byte[] bytes() {
            return value;
        }

        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            ByteArrayInputStream in = new ByteArrayInputStream(message);
            while (in.available() > 0) {
                long tag = varint(in);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(in), null));
                    case 1 -> fields.add(new Field(number, 0, take(in, 8)));
                    case 2 -> fields.add(new Field(number, 0, take(in, (int) varint(in))));
                    case 5 -> fields.add(new Field(number, 0, take(in, 4)));
                    default -> throw new IllegalArgumentException("Unsupported protobuf wire type in tag " + tag);
                }
            }
            return fields;
        }

        private static byte[] take(ByteArrayInputStream in, int length) {
            byte[] b = new byte[length];
            if (in.readNBytes(b, 0, length) != length) {
                throw new IllegalArgumentException("Truncated protobuf field");
            }
            return b;
        }

        private static long varint(ByteArrayInputStream in) {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalArgumentException("Truncated protobuf varint");
                }
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("Malformed protobuf varint");
        }
    }
}
