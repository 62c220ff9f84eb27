package org.dialoog.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.dialoog.testkit.KafkaBroker;
import org.dialoog.testkit.KeycloakServer;
import org.dialoog.testkit.ServiceProcess;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example realm in a real Keycloak, and the three services (their built jars) configured to
 * trust it, as {@code deploy/local/run --keycloak} runs them: every role's token carries the
 * claims the services read, each service accepts it with that role's outcome, a user without a
 * tenant is refused until an administrator sets the managed {@code org} attribute, and the
 * browser login (authorization code with PKCE) works for the example users. Keycloak and the
 * services start once, side by side; a Keycloak that cannot start fails the class with its log.
 */
class KeycloakTokensTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static @Nullable CompletableFuture<KeycloakServer> keycloakStarting;
    private static @Nullable KeycloakServer keycloak;
    private static @Nullable KafkaBroker broker;
    private static @Nullable ServiceProcess engagements;
    private static @Nullable ServiceProcess sessions;
    private static @Nullable ServiceProcess feedback;

    @BeforeAll
    static void startKeycloakAndTheServices() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        int port = KafkaBroker.freePort();
        // Keycloak takes ~20-30 s; the broker and the services start meanwhile and fetch its keys on first use
        keycloakStarting = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(port, Path.of("target/keycloak.log"), Duration.ofMinutes(3)));
        KafkaBroker kafka = new KafkaBroker(
                Path.of("target", "kafka-" + ProcessHandle.current().pid()), KafkaBroker.freePort());
        broker = kafka;
        kafka.start();
        Map<String, String> trustKeycloak = Map.of(
                "DIALOOG_JWT_PUBLIC_KEY_LOCATION", KeycloakServer.jwksUrl(port),
                "DIALOOG_JWT_ISSUER", KeycloakServer.issuer(port),
                "DIALOOG_OIDC_DISCOVERY_URL", KeycloakServer.issuer(port) + "/.well-known/openid-configuration");
        engagements = ServiceProcess.start("engagement", kafka, null, trustKeycloak, List.of());
        sessions = ServiceProcess.start("session", kafka, null, trustKeycloak, List.of());
        feedback = ServiceProcess.start("feedback", kafka, null, trustKeycloak, List.of());
        try {
            keycloak = keycloakStarting.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Keycloak did not start: " + cause.getMessage(), cause);
        }
    }

    @AfterAll
    static void stopEverything() {
        // side by side (each takes a few seconds), the broker last: the services leave their groups while it answers
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (AutoCloseable c : new AutoCloseable[] {feedback, sessions, engagements}) {
            stopping.add(CompletableFuture.runAsync(() -> close(c)));
        }
        CompletableFuture<KeycloakServer> starting = keycloakStarting;
        if (starting != null) {
            stopping.add(starting.thenAccept(KeycloakTokensTest::close).exceptionally(neverStarted -> null));
        }
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        } finally {
            close(broker);
        }
    }

    @Test
    void everyRoleGetsTheClaimsTheServicesReadAndEachServiceSeesThemSo() {
        for (RealmUser user : RealmUser.WITH_TENANT) {
            String token = Tokens.password(keycloak(), user.username());
            assertClaims(token, user.id(), user.role(), user.org());
            given().auth()
                    .oauth2(token)
                    .get(feedback().baseUrl() + "/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("userId", equalTo(user.id()))
                    .body("roles", equalTo(List.of(user.role())))
                    .body("tenant", equalTo(user.org()));
        }
        String integration = Tokens.integration(keycloak());
        assertClaims(integration, RealmUser.INTEGRATION_ACCOUNT_ID, "integration", "demo");
        given().auth()
                .oauth2(integration)
                .get(feedback().baseUrl() + "/api/v1/me")
                .then()
                .statusCode(200)
                .body("userId", equalTo(RealmUser.INTEGRATION_ACCOUNT_ID))
                .body("roles", equalTo(List.of("integration")))
                .body("tenant", equalTo("demo"));
    }

    @Test
    void swaggerUiLogsInWithKeycloakThroughTheOneSecurityScheme() {
        String discovery = keycloak().issuer() + "/.well-known/openid-configuration";
        for (ServiceProcess service : List.of(engagements(), sessions(), feedback())) {
            given().get(service.baseUrl() + "/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("bearer")))
                    .body("components.securitySchemes.bearer.type", equalTo("openIdConnect"))
                    .body("components.securitySchemes.bearer.openIdConnectUrl", equalTo(discovery));
        }
        // the document names a discovery document that is there, with the code flow and PKCE Swagger UI uses
        given().get(discovery)
                .then()
                .statusCode(200)
                .body("authorization_endpoint", containsString("/protocol/openid-connect/auth"))
                .body("code_challenge_methods_supported", hasItem("S256"));
    }

    @Test
    void eachServiceGivesEachRoleItsOutcome() {
        String anna = Tokens.password(keycloak(), RealmUser.ANNA.username());
        String bram = Tokens.password(keycloak(), RealmUser.BRAM.username());
        String carla = Tokens.password(keycloak(), RealmUser.CARLA.username());
        String dirk = Tokens.password(keycloak(), RealmUser.DIRK.username());
        String integration = Tokens.integration(keycloak());
        String e = engagements().baseUrl() + "/api/v1/engagements";
        String s = sessions().baseUrl() + "/api/v1/sessions";
        String f = feedback().baseUrl() + "/api/v1";

        // engagement-service: a facilitator creates, a client only reads what names it, another tenant sees nothing
        Map<String, Object> engagement = Map.of(
                "title", "Keycloak: samen verder in de wijk",
                "kind", "CITIZEN_PARTICIPATION",
                "objectives", List.of("BUILD_TRUST"),
                "clientOrganisation", "Gemeente Utrecht",
                "clientContacts", List.of(RealmUser.CARLA.id()));
        String id = send(anna, "POST", e, engagement)
                .then()
                .statusCode(201)
                .body("facilitators", equalTo(List.of(RealmUser.ANNA.id())))
                .extract()
                .path("id");
        send(carla, "POST", e, engagement).then().statusCode(403);
        send(carla, "GET", e + "/" + id, null).then().statusCode(200);
        send(bram, "GET", e + "/" + id, null).then().statusCode(200);
        send(integration, "GET", e, null).then().statusCode(200).body("items.id", hasItem(id));
        send(dirk, "GET", e + "/" + id, null).then().statusCode(404);
        for (String party : List.of("Bewoners", "Gemeente")) {
            send(anna, "POST", e + "/" + id + "/parties", Map.of("name", party, "type", "RESIDENTS"))
                    .then()
                    .statusCode(201);
        }
        send(carla, "POST", e + "/" + id + "/parties", Map.of("name", "Winkeliers", "type", "RESIDENTS"))
                .then()
                .statusCode(403);
        send(integration, "GET", e + "/" + id + "/parties", null).then().statusCode(200);
        send(anna, "POST", e + "/" + id + "/status", Map.of("status", "ACTIVE", "reason", "Keycloak test"))
                .then()
                .statusCode(200);

        // session-service, once it has learned the engagement from its events
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
        Map<String, Object> session = Map.of(
                "engagementId", id,
                "type", "DIALOGUE_SESSION",
                "title", "Dialoogsessie",
                "startsAt", start.toString(),
                "endsAt", start.plusHours(2).toString(),
                "location", Map.of("mode", "ON_SITE", "address", "Wijkcentrum"),
                "facilitators", List.of(RealmUser.ANNA.id()));
        await().atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(anna, "POST", s, session).statusCode() == 201);
        send(carla, "POST", s, session).then().statusCode(403);
        send(carla, "GET", s + "?engagementId=" + id, null)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        send(integration, "GET", s + "?engagementId=" + id, null)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        send(dirk, "GET", s + "?engagementId=" + id, null)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        // feedback-service, likewise
        Map<String, Object> settings = Map.of("autoSessionEvaluation", true, "minGroupSize", 5);
        await().atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(anna, "PUT", f + "/engagements/" + id + "/settings", settings)
                                .statusCode()
                        == 200);
        send(carla, "PUT", f + "/engagements/" + id + "/settings", settings)
                .then()
                .statusCode(403);
        send(bram, "GET", f + "/engagements/" + id + "/settings", null).then().statusCode(200);
        send(integration, "GET", f + "/feedback-rounds?engagementId=" + id, null)
                .then()
                .statusCode(200);
        send(dirk, "GET", f + "/engagements/" + id + "/settings", null).then().statusCode(404);
    }

    @Test
    void aUserWithoutATenantIsRefusedUntilAnAdministratorSetsTheManagedOrgAttribute() {
        String admin = Tokens.administrator(keycloak());
        String users = keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users";
        JsonNode org = attribute(
                given().auth()
                        .oauth2(admin)
                        .get(users + "/profile")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                "org");
        assertThat(org.path("permissions").path("edit").toString())
                .as("only an administrator may set a user's tenant")
                .isEqualTo("[\"admin\"]");
        assertThat(org.path("required").path("roles").toString())
                .as("an administrator creating a user must give it a tenant")
                .isEqualTo("[\"admin\"]");

        String nora = Tokens.password(keycloak(), RealmUser.NORA);
        assertThat(Tokens.claims(nora).has("org")).isFalse();
        for (String api : List.of(
                engagements().baseUrl() + "/api/v1/engagements",
                sessions().baseUrl() + "/api/v1/sessions",
                feedback().baseUrl() + "/api/v1/feedback-rounds")) {
            send(nora, "GET", api, null)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("invalid_token"));
        }

        // an attribute the user profile does not declare is not kept: only the managed org becomes the claim
        Map<String, Object> withTenant = Map.of(
                "username", "nora",
                "email", "nora@example.org",
                "firstName", "Nora",
                "lastName", "Smit",
                "attributes", Map.of("org", List.of("demo"), "tenant", List.of("other")));
        send(admin, "PUT", users + "/" + RealmUser.NORA_ID, withTenant).then().statusCode(204);
        send(admin, "GET", users + "/" + RealmUser.NORA_ID, null)
                .then()
                .statusCode(200)
                .body("attributes", equalTo(Map.of("org", List.of("demo"))));
        nora = Tokens.password(keycloak(), RealmUser.NORA);
        assertClaims(nora, RealmUser.NORA_ID, "facilitator", "demo");
        send(nora, "GET", engagements().baseUrl() + "/api/v1/engagements", null)
                .then()
                .statusCode(200);
    }

    @Test
    void annaLogsInInTheBrowserWithTheAuthorizationCodeAndPkceAsSwaggerUiDoes() {
        String redirect = "http://localhost:8081/q/swagger-ui/oauth2-redirect.html";
        String token = BrowserLogin.withPkce(keycloak(), "dialoog-frontend", redirect, "anna", RealmUser.PASSWORD);
        assertClaims(token, RealmUser.ANNA.id(), "facilitator", "demo");
        send(token, "GET", engagements().baseUrl() + "/api/v1/engagements", null)
                .then()
                .statusCode(200);
        assertThat(BrowserLogin.errorWithoutPkce(keycloak(), "dialoog-frontend", redirect))
                .as("the public client refuses a login without a code challenge")
                .contains("error=invalid_request");
    }

    private static void assertClaims(String token, String sub, String role, String org) {
        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak().issuer());
        JsonNode aud = claims.path("aud");
        assertThat(aud.isArray() ? aud.toString() : aud.asText()).as("aud").contains("dialoog");
        assertThat(claims.path("sub").asText()).isEqualTo(sub);
        assertThat(claims.path("groups").toString()).isEqualTo("[\"" + role + "\"]");
        assertThat(claims.path("org").asText()).isEqualTo(org);
    }

    private static JsonNode attribute(String userProfile, String name) {
        for (JsonNode attribute : Tokens.json(userProfile).path("attributes")) {
            if (attribute.path("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("The realm's user profile declares no attribute " + name + ": " + userProfile);
    }

    private static Response send(String token, String method, String url, @Nullable Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, url);
    }

    private static void close(@Nullable AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + c, e);
        }
    }

    private static KeycloakServer keycloak() {
        return running(keycloak, "Keycloak");
    }

    private static ServiceProcess engagements() {
        return running(engagements, "engagement-service");
    }

    private static ServiceProcess sessions() {
        return running(sessions, "session-service");
    }

    private static ServiceProcess feedback() {
        return running(feedback, "feedback-service");
    }

    private static <T> T running(@Nullable T started, String what) {
        if (started == null) {
            throw new IllegalStateException(what + " did not start");
        }
        return started;
    }
}
