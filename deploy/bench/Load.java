import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeds the benchmark's data set: sends every line of a file ("METHOD PATH<TAB>BODY") exactly
 * once, over a fixed number of concurrent connections, and prints a one-line JSON summary. wrk
 * measures; this only seeds, because wrk runs for a duration, not a number of requests.
 *   java deploy/bench/Load.java BASE_URL LINES CONCURRENCY   (bearer token from $TOKEN, if set)
 */
public final class Load {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        int concurrency = Integer.parseInt(args[2]);
        String token = System.getenv("TOKEN");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < lines.size(); i = next.getAndIncrement()) {
                    String line = lines.get(i);
                    int space = line.indexOf(' ');
                    int tab = line.indexOf('\t');
                    String method = line.substring(0, space);
                    String path = tab < 0 ? line.substring(space + 1) : line.substring(space + 1, tab);
                    String body = tab < 0 ? "" : line.substring(tab + 1);
                    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                    if (token != null && !token.isEmpty()) {
                        r.header("Authorization", "Bearer " + token);
                    }
                    try {
                        int status = http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder codes = new StringBuilder();
        new TreeMap<>(statuses).forEach((k, v) -> codes.append(codes.length() == 0 ? "" : ",").append('"').append(k).append("\":").append(v));
        long errors = statuses.entrySet().stream().filter(e -> e.getKey() >= 400).mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("{\"requests\":%d,\"seconds\":%.3f,\"rps\":%.1f,\"errors\":%d,\"socket_errors\":%d,\"statuses\":{%s}}%n",
                lines.size(), seconds, lines.size() / seconds, errors, failures.get(), codes);
    }
}
