package org.dialoog.conventions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialoog.conventions.testapp.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.net.SocketAddress;
import org.dialoog.conventions.testapp.Api;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Location and Link start at the configured public base URL (the test application's
 * {@code dialoog.api.public-base-url}), whatever the request's Host or forwarding headers say.
 */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "conventions"))
class PublicBaseUrlTest {

    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private static final String BASE = "https://api.dialoog.test";
    private static final String EVIL = "evil.example";
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    /** Each way a client can claim another host: its own Host header, and the proxy headers. */
    private static final List<Map<String, String>> CLAIMS = List.of(
            Map.of("Host", EVIL),
            Map.of("X-Forwarded-Host", EVIL, "X-Forwarded-Proto", "http", "X-Forwarded-Port", "6666"),
            Map.of("Forwarded", "host=" + EVIL + ";proto=http"));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void locationStartsAtThePublicBaseWhateverHostTheRequestClaims() {
        for (Map<String, String> claim : CLAIMS) {
            String key = UUID.randomUUID().toString();
            String location = admin().headers(claim)
                    .header("Idempotency-Key", key)
                    .body(Map.of("title", "Located " + key))
                    .post("/api/v1/notes")
                    .then()
                    .statusCode(201)
                    .extract()
                    .header("Location");
            assertThat(location)
                    .as("Location with %s", claim)
                    .startsWith(BASE + "/api/v1/notes/")
                    .doesNotContain(EVIL);
            // the replay of the same request answers the same Location
            assertThat(admin().headers(claim)
                            .header("Idempotency-Key", key)
                            .body(Map.of("title", "Located " + key))
                            .post("/api/v1/notes")
                            .then()
                            .statusCode(201)
                            .extract()
                            .header("Location"))
                    .isEqualTo(location);
        }
    }

    @Test
    void everyLinkStartsAtThePublicBaseAndKeepsTheQueryAsSent() {
        String marker = "Tom & Jerry = " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Api.createNote(marker + " " + i);
        }
        for (Map<String, String> claim : CLAIMS) {
            String header = admin().headers(claim)
                    .queryParam("q", marker)
                    .queryParam("pageSize", 2)
                    .get("/api/v1/notes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("Link");
            Map<String, String> links = links(header);
            assertThat(links).as("Link with %s", claim).containsKeys("first", "next", "last");
            assertThat(links.values())
                    .allSatisfy(target -> assertThat(target)
                            .startsWith(BASE + "/api/v1/notes?")
                            .doesNotContain(EVIL));
            // the next page, asked for exactly as the link says, is the rest of the same search
            admin().urlEncodingEnabled(false)
                    .get(Objects.requireNonNull(links.get("next")).substring(BASE.length()))
                    .then()
                    .statusCode(200)
                    .body("page", equalTo(2))
                    .body("total", equalTo(3))
                    .body("items", hasSize(1));
        }
    }

    @Test
    void withoutAConfiguredBaseOurUrlsStartWhereTheConnectionArrived() throws Exception {
        assertThat(PublicBaseUrl.arrivedAt(
                        false,
                        SocketAddress.inetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8082))))
                .hasToString("http://127.0.0.1:8082");
        assertThat(PublicBaseUrl.arrivedAt(
                        true,
                        SocketAddress.inetSocketAddress(
                                new InetSocketAddress(InetAddress.getByAddress(IPV6_LOOPBACK), 8443))))
                .hasToString("https://[0:0:0:0:0:0:0:1]:8443");
    }

    @Test
    void theRewrittenRequestRoutesAndReadsExactlyLikeTheOriginal() {
        URI base = URI.create(BASE);
        URI rewritten = PublicBaseUrl.requestUri(base, "//evil.example/a b%2F", "q=Tom+%26+Jerry&x=%zz|y#fragment");
        assertThat(rewritten.getPath()).isEqualTo("//evil.example/a b%2F");
        assertThat(rewritten.getHost()).isEqualTo("api.dialoog.test");
        assertThat(rewritten.getRawQuery()).isEqualTo("q=Tom+%26+Jerry&x=%25zz%7Cy");
    }

    @Test
    void aPublicBaseUrlWithAPathOrOfAnotherKindIsRefused() {
        assertThat(PublicBaseUrl.origin(URI.create("HTTPS://api.dialoog.test:8443/")))
                .hasToString("https://api.dialoog.test:8443");
        for (String wrong : List.of(
                "https://api.dialoog.test/dialoog",
                "ftp://api.dialoog.test",
                "api.dialoog.test",
                "https://user@api.dialoog.test",
                "https://api.dialoog.test?x=1")) {
            assertThatThrownBy(() -> PublicBaseUrl.origin(URI.create(wrong)))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DIALOOG_PUBLIC_BASE_URL");
        }
    }

    private static Map<String, String> links(String header) {
        Map<String, String> links = new HashMap<>();
        Matcher m = LINK.matcher(header);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            links.put(m.group(2), m.group(1));
            seen.add(m.group(2));
        }
        assertThat(seen).as("rels in %s", header).doesNotHaveDuplicates();
        return links;
    }
}
