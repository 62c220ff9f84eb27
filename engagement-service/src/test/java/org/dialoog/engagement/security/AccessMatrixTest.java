package org.dialoog.engagement.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.dialoog.engagement.Api;
import org.dialoog.local.DevTokens;
import org.dialoog.local.DialoogTestResource;
import org.junit.jupiter.api.Test;

/**
 * The access matrix, generated from this service's own OpenAPI document: every operation is
 * called without a token, with an expired one, with a wrongly signed one, with a wrong issuer
 * and audience, and (on resource paths) with another tenant's admin token. The table is written
 * to target/access-matrix.md.
 */
@QuarkusTest
@WithTestResource(value = DialoogTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class AccessMatrixTest {

    private static final List<String> ROLES = List.of("admin");

    @Test
    void everyOperationRefusesMissingBadAndForeignTokens() throws IOException {
        UUID engagement = Api.createEngagement("Access matrix");
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        String server = "/api/v1";
        List<String> table = new ArrayList<>(List.of(
                "| operation | no token | expired | wrong signature | wrong issuer | wrong audience | other tenant |",
                "|---|---|---|---|---|---|---|"));
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                operations++;
                String url = server + path.getKey()
                        .replace("{id}", engagement.toString())
                        .replace("{engagementId}", engagement.toString())
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                int none = call(given(), method, url);
                int expired = call(bearer(DevTokens.mint("admin-1", ROLES, Api.TENANT, Instant.now().minusSeconds(60))), method, url);
                int tampered = call(bearer(DevTokens.tampered("admin-1", ROLES, Api.TENANT)), method, url);
                int issuer = call(bearer(DevTokens.mint("admin-1", ROLES, Api.TENANT, "https://evil.example", DevTokens.AUDIENCE)), method, url);
                int audience = call(bearer(DevTokens.mint("admin-1", ROLES, Api.TENANT, DevTokens.ISSUER, "someone-else")), method, url);
                String foreign = "n/a";
                if (path.getKey().contains("{") && method.equals("get")) {
                    int status = call(bearer(DevTokens.mint("admin-x", ROLES, Api.OTHER_TENANT)), method, url);
                    foreign = Integer.toString(status);
                    assertThat(status).as("other tenant on GET %s", url).isEqualTo(404);
                }
                table.add("| `" + method.toUpperCase() + " " + server + path.getKey() + "` | " + none + " | " + expired + " | "
                        + tampered + " | " + issuer + " | " + audience + " | " + foreign + " |");
                assertThat(List.of(none, expired, tampered, issuer, audience)).as("%s %s", method, url).containsOnly(401);
            }
        }
        assertThat(operations).isGreaterThan(10);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "access-matrix.md"), table);
        System.out.println(String.join(System.lineSeparator(), table));
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    private static int call(RequestSpecification spec, String method, String url) {
        return spec.contentType(ContentType.JSON).body(method.equals("get") || method.equals("delete") ? "" : "{}")
                .request(method.toUpperCase(), url).statusCode();
    }
}
