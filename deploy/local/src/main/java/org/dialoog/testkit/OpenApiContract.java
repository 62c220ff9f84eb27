package org.dialoog.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A REST Assured filter that holds every answer of the API to the OpenAPI document the same
 * service serves: an undocumented status, field, content type or a {@code null} where the
 * document promises a value fails the test that received it. Requests are not checked (tests send
 * bad input on purpose; the services answer it with documented problems). Installed for every
 * {@code @QuarkusTest} by {@link ContractCallback}.
 */
public final class OpenApiContract implements Filter {

    /** The one instance every test shares, so that each document is read once per test JVM. */
    public static final OpenApiContract INSTANCE = new OpenApiContract();

    private static final String API = "/api/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private OpenApiContract() {}

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        Response answer = ctx.next(request, response);
        URI uri = URI.create(request.getURI());
        // a trailing slash names no operation (the API has none); the services answer it 404
        if (!uri.getPath().startsWith(API) || uri.getPath().endsWith("/")) {
            return answer;
        }
        check(uri.getScheme() + "://" + uri.getAuthority(), request.getMethod(), uri.getPath(), simple(answer));
        return answer;
    }

    /**
     * Checks one answer of the service at {@code origin} against its served document.
     *
     * @throws AssertionError naming every difference, when it does not match
     */
    public void check(String origin, String method, String path, SimpleResponse answer) {
        ValidationReport report = validators
                .computeIfAbsent(origin, this::validatorFor)
                .validateResponse(path, Request.Method.valueOf(method), answer);
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + path + " (status " + answer.getStatus()
                    + ") does not match the served OpenAPI document:\n"
                    + report.getMessages().stream()
                            .map(m -> "  - " + m.getMessage()
                                    + m.getContext()
                                            .flatMap(c -> c.getPointers().map(p -> " at " + p.getInstance()))
                                            .orElse(""))
                            .reduce("", (a, b) -> a + b + "\n")
                    + "Body: "
                    + abbreviate(text(answer)));
        }
    }

    private OpenApiInteractionValidator validatorFor(String origin) {
        String document;
        try {
            HttpResponse<String> served = http.send(
                    HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new IllegalStateException(origin + "/q/openapi answered " + served.statusCode());
            }
            document = JSON.writeValueAsString(OpenApi30.of(JSON.readTree(served.body())));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document of " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private static SimpleResponse simple(Response answer) {
        SimpleResponse.Builder simple = SimpleResponse.Builder.status(answer.statusCode());
        answer.headers().forEach(h -> simple.withHeader(h.getName(), h.getValue()));
        String body = answer.asString();
        if (body != null && !body.isEmpty()) {
            simple.withBody(body);
        }
        return simple.build();
    }

    private static String text(SimpleResponse answer) {
        try {
            return answer.getResponseBody().isPresent()
                    ? answer.getResponseBody().get().toString(java.nio.charset.StandardCharsets.UTF_8)
                    : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
