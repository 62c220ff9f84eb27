package org.dialoog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.testkit.FuzzPlan.Operation;
import org.dialoog.testkit.FuzzPlan.Probe;

/**
 * Input robustness over a service's whole surface, driven by its own OpenAPI document: for every operation, every
 * path, query and header parameter and every field of the JSON body (recursively) gets hostile values of its
 * schema's kind, one at a time while the rest stays valid, plus malformed bodies (see {@link HostileValues},
 * {@link FuzzBodies}). Two properties must hold for every request: no answer is 5xx (or none at all), and a request
 * answered 4xx changed nothing in the database (a fingerprint before and after each request). A hostile but valid
 * value may well be stored (2xx): only 5xx and writes on refusal fail. Reads run first, then writes, then the
 * operations the caller names as last (state changes that end the fixture), then deletes, deepest path first.
 * Prints a summary to standard output and {@code target/openapi-fuzz.md}.
 */
public final class OpenApiFuzz {

    /**
     * How a run is bounded: the seed of every random choice (ids, client addresses, which requests a budget keeps),
     * the most requests it sends, and how long one request may take.
     */
    public record Options(long seed, int maxRequests, Duration timeout) {

        /** From {@code -Ddialoog.fuzz.seed}, {@code -Ddialoog.fuzz.max-requests}, {@code -Ddialoog.fuzz.timeout-seconds}. */
        public static Options fromSystemProperties() {
            return new Options(
                    Long.getLong("dialoog.fuzz.seed", 14L),
                    Integer.getInteger("dialoog.fuzz.max-requests", 5000),
                    Duration.ofSeconds(Long.getLong("dialoog.fuzz.timeout-seconds", 10L)));
        }
    }

    private record Answer(int status, String body, String contentType) {}

    private static final int SHOWN_BODY = 300;

    private final String root;
    private final String token;
    private final Supplier<String> fingerprint;
    private final Options options;
    private final HttpClient http;
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;
    private int notProblems;

    /**
     * Fuzzes the service at {@code root} (e.g. {@code http://localhost:8081}) with a bearer token of a tenant's
     * admin or facilitator; {@code fingerprint} tells whether its database changed (see {@link DatabaseFingerprint}).
     */
    public OpenApiFuzz(URI root, String token, Supplier<String> fingerprint) {
        this(root, token, fingerprint, Options.fromSystemProperties());
    }

    public OpenApiFuzz(URI root, String token, Supplier<String> fingerprint, Options options) {
        String r = root.toString();
        this.root = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
        this.token = token;
        this.fingerprint = fingerprint;
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout())
                .build();
    }

    /**
     * Runs every operation's hostile requests and returns the failures (empty when none).
     *
     * @param service the service's name, for the report
     * @param known real values by path parameter, query parameter or body property name, so that mutations reach
     *     the service's deeper rules; a key {@code segment/{name}} (e.g. {@code sessions/{id}}) names one path
     *     parameter where the name alone is ambiguous. Unknown path parameters get a random UUID.
     * @param bodies a valid body per operation ({@code "POST /sessions"} → JSON) where the schema's examples do not
     *     make one (times in the future, ids that belong together); a merge patch falls back to its collection's
     *     create body
     * @param last operations to run after all other writes, in this order (those that end the fixture's life:
     *     cancel, complete, close, decide)
     */
    public List<String> run(String service, Map<String, String> known, Map<String, String> bodies, List<String> last) {
        long started = System.nanoTime();
        Random random = new Random(options.seed());
        JsonNode document = document();
        String server = document.path("servers").path(0).path("url").asText("");
        FuzzPlan plan = new FuzzPlan(document, root + server, token, options.timeout(), known, bodies, random);
        List<Operation> operations = FuzzPlan.operations(document);
        Set<String> labels = operations.stream().map(Operation::label).collect(Collectors.toSet());
        Set<String> named = new LinkedHashSet<>(bodies.keySet());
        named.addAll(last);
        for (String label : named) {
            if (!labels.contains(label)) {
                failures.add("The test names " + label + ", which the OpenAPI document does not have");
            }
        }
        operations.sort(Comparator.comparingInt(op -> rank(op, last)));
        List<List<Probe>> planned = new ArrayList<>();
        for (Operation op : operations) {
            planned.add(plan.probes(op));
        }
        planned = withinBudget(planned, random);
        List<String> lines = new ArrayList<>();
        String before = fingerprint.get();
        for (int i = 0; i < operations.size(); i++) {
            before = execute(operations.get(i), planned.get(i), before, lines);
        }
        report(service, operations.size(), plan.unsendable(), lines, started);
        return List.copyOf(failures);
    }

    private static int rank(Operation op, List<String> last) {
        if (op.method().equals("DELETE")) {
            return 3000 - (int) op.template().chars().filter(c -> c == '/').count();
        }
        int listed = last.indexOf(op.label());
        if (listed >= 0) {
            return 2000 + listed;
        }
        return op.method().equals("GET") ? 0 : 1000;
    }

    /** Over budget, each operation keeps its share of its requests, chosen at random (the seed repeats the choice). */
    private List<List<Probe>> withinBudget(List<List<Probe>> planned, Random random) {
        long total = planned.stream().mapToLong(List::size).sum();
        List<List<Probe>> kept = new ArrayList<>();
        for (List<Probe> probes : planned) {
            if (total <= options.maxRequests()) {
                kept.add(probes);
                continue;
            }
            List<Probe> shuffled = new ArrayList<>(probes);
            Collections.shuffle(shuffled, random);
            int share = (int) Math.max(1, (long) probes.size() * options.maxRequests() / total);
            kept.add(shuffled.subList(0, Math.min(share, shuffled.size())));
        }
        return kept;
    }

    private String execute(Operation op, List<Probe> probes, String before, List<String> lines) {
        Map<Integer, Integer> local = new TreeMap<>();
        String current = before;
        for (Probe probe : probes) {
            Answer answer = send(probe.request());
            String after = fingerprint.get();
            requests++;
            local.merge(answer.status(), 1, Integer::sum);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() < 0 || answer.status() >= 500) {
                failures.add(probe.describe() + ": " + (answer.status() < 0 ? "" : answer.status() + " ")
                        + FuzzPlan.printable(cut(answer.body())));
            } else if (answer.status() >= 400) {
                if (!answer.contentType().startsWith("application/problem+json")) {
                    notProblems++;
                    if (notProblems <= 5) {
                        notes.add(probe.describe() + ": " + answer.status() + " as '" + answer.contentType()
                                + "', not a problem");
                    }
                }
                if (!after.equals(current)) {
                    after = confirm(probe, current, after);
                }
            }
            current = after;
        }
        lines.add(String.format(Locale.ROOT, "| `%s` | %d | %s |", op.label(), probes.size(), histogram(local)));
        return current;
    }

    /**
     * A refusal coincided with a change: send the same request twice more, each time once the database is quiet, so
     * that background work (consumers catching up, scheduled publishers) is not blamed on it. Only a change that
     * happens every time fails. Returns the fingerprint after.
     */
    private String confirm(Probe probe, String before, String after) {
        String change = changed(before, after);
        int reproduced = 0;
        String answered = "";
        for (int attempt = 0; attempt < 2; attempt++) {
            String quiet = quiet();
            Answer again = send(probe.request());
            String then = fingerprint.get();
            requests++;
            if (again.status() < 400 || again.status() >= 500 || then.equals(quiet)) {
                break;
            }
            reproduced++;
            change = changed(quiet, then);
            answered = again.status() + " " + FuzzPlan.printable(cut(again.body()));
        }
        if (reproduced == 2) {
            failures.add(
                    probe.describe() + ": refused but changed the database every time (" + change + "): " + answered);
        } else {
            notes.add(probe.describe() + ": a refusal coincided with a change (" + change
                    + ") that did not happen again; background work?");
        }
        return fingerprint.get();
    }

    /** Waits until two fingerprints a quarter second apart agree (at most five seconds). */
    private String quiet() {
        String last = fingerprint.get();
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a quiet database", e);
            }
            String now = fingerprint.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private Answer send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Answer(
                        r.statusCode(),
                        r.body(),
                        r.headers().firstValue("Content-Type").orElse(""));
            } catch (HttpTimeoutException e) {
                return new Answer(-1, "no answer within " + options.timeout().toSeconds() + " s", "");
            } catch (IOException e) {
                // a connection the server closed after its previous answer is retried once
                if (attempt >= 2) {
                    return new Answer(-1, "no HTTP answer: " + e, "");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while fuzzing", e);
            }
        }
    }

    private JsonNode document() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/q/openapi?format=json"))
                .timeout(options.timeout())
                .GET()
                .build();
        Answer answer = send(request);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + answer.status() + ": " + answer.body());
        }
        try {
            return new ObjectMapper().readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** The tables whose part of the fingerprint differs. */
    private static String changed(String before, String after) {
        Set<String> earlier = Set.copyOf(List.of(before.split(",", -1)));
        List<String> differ = new ArrayList<>();
        for (String part : after.split(",", -1)) {
            if (!earlier.contains(part)) {
                differ.add(part);
            }
        }
        return differ.isEmpty() ? "rows removed" : "now " + String.join(", ", differ);
    }

    private static String histogram(Map<Integer, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> (e.getKey() < 0 ? "none" : e.getKey().toString()) + "×" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String cut(String body) {
        return body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "…" : body;
    }

    private void report(String service, int operations, int unsendable, List<String> lines, long started) {
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "# Fuzzing %s from its OpenAPI document\n\n%d operations, %d requests in %.1f s (seed %d, at most %d"
                        + " requests; -Ddialoog.fuzz.seed and -Ddialoog.fuzz.max-requests change them).\n",
                service,
                operations,
                requests,
                (System.nanoTime() - started) / 1e9,
                options.seed(),
                options.maxRequests()));
        out.add("Statuses: " + histogram(statuses) + "\n");
        out.add("| operation | requests | statuses |");
        out.add("|---|---|---|");
        out.addAll(lines);
        out.add("");
        if (unsendable > 0) {
            out.add(unsendable + " hostile values were not sent: the HTTP client refuses them (control characters"
                    + " in headers, for one).");
        }
        if (notProblems > 0) {
            out.add(notProblems + " refusals were not application/problem+json.");
        }
        notes.forEach(n -> out.add("- note: " + n));
        out.add(failures.isEmpty() ? "No failures." : failures.size() + " failures:");
        failures.forEach(f -> out.add("- " + f));
        String text = String.join("\n", out) + "\n";
        System.out.println(text);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "openapi-fuzz.md"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
