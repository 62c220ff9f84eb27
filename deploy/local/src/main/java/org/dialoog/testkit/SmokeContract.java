package org.dialoog.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.atlassian.oai.validator.model.SimpleResponse;

/**
 * Holds the answers the smoke walk received (deploy/local/smoke records them) to the OpenAPI
 * documents the running services serve, with the same check the tests use ({@link OpenApiContract}).
 *
 * <pre>java -cp … org.dialoog.testkit.SmokeContract target/local/smoke-answers</pre>
 */
public final class SmokeContract {

    private SmokeContract() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> failures = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("index.tsv"));
        for (String line : lines) {
            // method, URL, status, content type, body file
            String[] f = line.split("\t", -1);
            URI uri = URI.create(f[1]);
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(Integer.parseInt(f[2]));
            if (!f[3].isEmpty()) {
                answer.withContentType(f[3]);
            }
            String body = Files.readString(dir.resolve(f[4]));
            if (!body.isEmpty()) {
                answer.withBody(body);
            }
            try {
                OpenApiContract.INSTANCE.check(
                        uri.getScheme() + "://" + uri.getAuthority(), f[0], uri.getPath(), answer.build());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        failures.forEach(System.err::println);
        System.out.println(lines.size() + " answers checked against the served OpenAPI documents, " + failures.size()
                + " did not match");
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }
}
