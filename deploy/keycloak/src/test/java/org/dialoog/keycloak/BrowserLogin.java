package org.dialoog.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dialoog.testkit.KeycloakServer;

/**
 * What a browser does for a public client such as Swagger UI: the authorization code flow with
 * PKCE (S256) through Keycloak's login form, without following the final redirect to the app.
 */
final class BrowserLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private BrowserLogin() {}

    /** Logs the user in and exchanges the code for an access token. */
    static String withPkce(KeycloakServer keycloak, String clientId, String redirectUri, String user, String password) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = base64Url(random);
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<String, String> challenge =
                Map.of("code_challenge", base64Url(sha256(verifier)), "code_challenge_method", "S256");
        HttpResponse<String> login = send(
                browser,
                HttpRequest.newBuilder(authorize(keycloak, clientId, redirectUri, challenge))
                        .build());
        String loginPage = login.body();
        Matcher action = FORM_ACTION.matcher(loginPage);
        if (!action.find()) {
            throw new AssertionError("No login form on Keycloak's page:\n" + loginPage);
        }
        HttpResponse<String> loggedIn = send(
                browser,
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies(login))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "credentialId", ""))))
                        .build());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(location);
        if (loggedIn.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
            throw new AssertionError("The login did not redirect to the app with a code: " + loggedIn.statusCode() + " "
                    + location + "\n" + loggedIn.body());
        }
        HttpResponse<String> token = send(
                browser,
                HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type", "authorization_code",
                                "client_id", clientId,
                                "code", code.group(1),
                                "redirect_uri", redirectUri,
                                "code_verifier", verifier))))
                        .build());
        if (token.statusCode() != 200) {
            throw new AssertionError("The code exchange failed: " + token.statusCode() + " " + token.body());
        }
        return Tokens.json(token.body()).path("access_token").asText();
    }

    /** Where Keycloak sends the browser when the app asks for a code without a PKCE challenge. */
    static String errorWithoutPkce(KeycloakServer keycloak, String clientId, String redirectUri) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return send(
                        browser,
                        HttpRequest.newBuilder(authorize(keycloak, clientId, redirectUri, Map.of()))
                                .build())
                .headers()
                .firstValue("Location")
                .orElse("(no redirect)");
    }

    /**
     * The cookies a page set, sent back as a browser would. Java's CookieManager does not: Keycloak
     * marks its session cookies Secure, and browsers (unlike it) treat http://localhost as secure.
     */
    private static String cookies(HttpResponse<?> page) {
        return page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    private static URI authorize(
            KeycloakServer keycloak, String clientId, String redirectUri, Map<String, String> pkce) {
        Map<String, String> params = new java.util.LinkedHashMap<>(Map.of(
                "client_id", clientId,
                "response_type", "code",
                "scope", "openid",
                "redirect_uri", redirectUri,
                "state", "keycloak-test"));
        params.putAll(pkce);
        return URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + form(params));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Keycloak did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
