package org.dialoog.keycloak;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialoog.testkit.KeycloakServer;

/** Gets tokens from the realm the way its clients do, and reads their claims. */
final class Tokens {

    /** The secrets of the example clients in the realm file: local development and tests only. */
    static final String TEST_CLIENT = "dialoog-test";

    static final String TEST_CLIENT_SECRET = "local-only-dialoog-test-secret";
    static final String INTEGRATION_CLIENT = "municipal-integration";
    static final String INTEGRATION_CLIENT_SECRET = "local-only-municipal-integration-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {}

    /** A user's access token through the test client's password grant. */
    static String password(KeycloakServer keycloak, String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", TEST_CLIENT)
                .formParam("client_secret", TEST_CLIENT_SECRET)
                .formParam("username", username)
                .formParam("password", RealmUser.PASSWORD)
                .post(keycloak.tokenUrl())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The municipal system's access token (client credentials). */
    static String integration(KeycloakServer keycloak) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", INTEGRATION_CLIENT)
                .formParam("client_secret", INTEGRATION_CLIENT_SECRET)
                .post(keycloak.tokenUrl())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The bootstrap administrator's token for Keycloak's admin API. */
    static String administrator(KeycloakServer keycloak) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER)
                .formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .post(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The claims of a JWT, unverified: the services verify, the test reads what they will read. */
    static JsonNode claims(String jwt) {
        String payload = jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'));
        return json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }
}
