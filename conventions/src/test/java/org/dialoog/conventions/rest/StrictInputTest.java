package org.dialoog.conventions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialoog.conventions.testapp.Api.admin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input is read strictly and refused whole: every bad field named at once, no silent coercion, no
 * control characters anywhere, no paging value that overflows, idempotency keys per caller.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyFieldOfTheWrongTypeIsListedAtOnceWithoutEchoingIt() {
        String marker = "strict-" + UUID.randomUUID();
        admin().body("{\"title\": 42, \"body\": {\"x\": 1}, \"colour\": \"PURPLE-" + marker + "\", \"size\": 3}")
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams.name", containsInAnyOrder("title", "body", "colour", "size"))
                .body("invalidParams.find { it.name == 'colour' }.reason", equalTo("must be one of RED, GREEN"))
                .body("invalidParams.find { it.name == 'title' }.reason", equalTo("must be a string"))
                .body(not(containsString(marker)));
        admin().queryParam("q", marker).get("/api/v1/notes").then().body("total", equalTo(0));
    }

    @Test
    void aNulByteOrControlCharacterInAnyTextIsA400AndStoresNothing() {
        String marker = "nul-" + UUID.randomUUID();
        admin().body(Map.of("title", marker + "\u0000x", "body", "bell\u0007"))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams.name", containsInAnyOrder("title", "body"))
                .body("invalidParams.find { it.name == 'title' }.reason", equalTo("must not contain a NUL character"));
        admin().body(Map.of("title", marker + " \ud800 lone surrogate"))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("invalidParams[0].reason", equalTo("must not contain an unpaired surrogate"));
        admin().queryParam("q", marker).get("/api/v1/notes").then().body("total", equalTo(0));
        // Tabs, line breaks and characters beyond the BMP are text like any other.
        admin().body(Map.of("title", marker, "body", "line\n\tindented \uD83D\uDE00"))
                .post("/api/v1/notes")
                .then()
                .statusCode(201);
    }

    @Test
    void aNulByteInAQueryOrPathParameterIsA400Problem() throws IOException {
        admin().urlEncodingEnabled(false)
                .get("/api/v1/notes?q=a%00b")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("q"))
                .body("invalidParams[0].reason", equalTo("must not contain a NUL character"));
        admin().urlEncodingEnabled(false)
                .get("/api/v1/notes/%00")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("path"));
        // HTTP clients refuse to send a broken escape; a raw request does.
        assertThat(rawStatusLine("GET /api/v1/notes?q=%zz HTTP/1.1")).contains(" 400 ");
    }

    private static String rawStatusLine(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String token = DevTokens.mint("admin-1", List.of("admin"), Api.TENANT);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void aFractionForAWholeNumberOrAStringForANumberIsRefusedNotCoerced() {
        admin().queryParam("page", "1")
                .queryParam("pageSize", "2.5")
                .get("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        admin().body(Map.of("title", "Strict", "colour", 0))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("colour"));
        admin().body(Map.of("title", true))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("invalidParams[0].name", equalTo("title"));
    }

    @Test
    void flagsReadTrueAndFalseInAnyCaseAndNothingElse() {
        admin().queryParam("includeReplayed", "True")
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(200);
        admin().queryParam("includeReplayed", "")
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(200);
        admin().queryParam("includeReplayed", "yes")
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("includeReplayed"))
                .body("invalidParams[0].reason", equalTo("must be true or false"));
    }

    @Test
    void aC1ControlCharacterIsRefusedLikeAnyOther() {
        admin().body(Map.of("title", "escape \u009b[31m"))
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("invalidParams[0].reason", equalTo("must not contain control characters"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedByName() {
        admin().body("{\"title\": \"first\", \"title\": \"second\"}")
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("title"))
                .body("detail", containsString("more than once"));
    }

    @Test
    void extremePagingValuesAre400ProblemsNot500() {
        for (String page : new String[] {"2147483647", "-2147483648", "0", "99999999999999999999", "1e3", "abc"}) {
            admin().queryParam("page", page)
                    .get("/api/v1/notes")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM);
        }
        admin().queryParam("page", "1000000").get("/api/v1/dead-letters").then().statusCode(200);
        admin().queryParam("page", "1000001").get("/api/v1/dead-letters").then().statusCode(400);
    }

    @Test
    void aMergePatchListsEveryBadFieldToo() {
        UUID id = Api.createNote("Patch me strictly");
        admin().contentType(MERGE_PATCH)
                .body("{\"title\": 5, \"colour\": \"BLUE\"}")
                .patch("/api/v1/notes/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams.name", containsInAnyOrder("title", "colour"));
        admin().get("/api/v1/notes/" + id).then().body("title", equalTo("Patch me strictly"));
    }

    @Test
    void anotherUserOfTheSameTenantReusingAKeyGetsTheirOwnResource() {
        String key = UUID.randomUUID().toString();
        String body = "{\"title\": \"Shared key " + key + "\"}";
        String first = Api.as("fac-a", "facilitator", Api.TENANT)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as("fac-b", "facilitator", Api.TENANT)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", (String) null)
                .body("id", not(equalTo(first)));
        // The same user with another body is told about their own key only, with nothing of the other's.
        Api.as("fac-b", "facilitator", Api.TENANT)
                .header("Idempotency-Key", key)
                .body("{\"title\": \"changed\"}")
                .post("/api/v1/notes")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("detail", not(containsString(key)))
                .body("detail", not(containsString(first)));
        admin().queryParam("q", "Shared key " + key)
                .get("/api/v1/notes")
                .then()
                .body("total", equalTo(2))
                .body("items.id", hasItem(first));
    }
}
