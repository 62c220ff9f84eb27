package org.dialoog.testkit;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The access matrix of one service, generated from its own OpenAPI document: every operation is
 * called without a token, with an expired, wrongly signed, wrong-issuer and wrong-audience token,
 * with another tenant's admin (404 on reads; on writes the same answer as for an id that exists
 * nowhere), and with each role. The roles an operation documents (its security
 * requirement's scopes) must get past authorisation, the others a 403; nothing may answer 5xx.
 * Writes the table to {@code target/access-matrix.md} and standard output (the test report).
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("admin", "facilitator", "client", "integration", "party-lead");

    private final String tenant;
    private final String otherTenant;
    private final Map<String, String> pathValues;
    private final Map<String, String> subjects;
    private final List<String> failures = new ArrayList<>();

    /**
     * @param pathValues values for path parameters by name (real ids of the tenant's resources); others get random UUIDs
     * @param subjects   the token subject per role, e.g. the facilitator of those resources
     */
    public AccessMatrix(
            String tenant, String otherTenant, Map<String, String> pathValues, Map<String, String> subjects) {
        this.tenant = tenant;
        this.otherTenant = otherTenant;
        this.pathValues = pathValues;
        this.subjects = subjects;
    }

    /** Runs the matrix; returns the problems found (empty when every answer is as documented). */
    @SuppressWarnings("unchecked")
    public List<String> run(String service) {
        Map<String, Object> doc = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        String server = Objects.requireNonNull(((List<Map<String, String>>)
                        Objects.requireNonNull(doc.get("servers"), "the document names no servers"))
                .get(0)
                .get("url"));
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>)
                Objects.requireNonNull(doc.get("paths"), "the document has no paths");
        List<String> table = new ArrayList<>();
        table.add("| operation | no token | expired | bad signature | wrong issuer | wrong audience | other tenant | "
                + String.join(" | ", ROLES) + " |");
        table.add("|---|---|---|---|---|---|---|" + "---|".repeat(ROLES.size()));
        // Reads first, destructive calls last, so that resources exist while they are read.
        List<String[]> operations = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    operations.add(new String[] {op.getKey(), path.getKey()});
                }
            }
        }
        operations.sort((a, b) -> Integer.compare(rank(a[0]), rank(b[0])));
        for (String[] op : operations) {
            String method = op[0];
            String template = op[1];
            Map<String, Object> operation = Objects.requireNonNull(
                    Objects.requireNonNull(paths.get(template)).get(method), "no operation " + method + " " + template);
            List<String> allowed = documentedRoles(operation);
            String url = server + fill(template);
            String label = method.toUpperCase(Locale.ROOT) + " " + server + template;
            if (isPublic(operation)) {
                table.add(publicRow(method, url, label));
                continue;
            }
            int none = call(given(), method, url);
            int expired =
                    call(bearer(DevTokens.mint("x", ROLES, tenant, Instant.now().minusSeconds(60))), method, url);
            int tampered = call(bearer(DevTokens.tampered("x", ROLES, tenant)), method, url);
            int issuer = call(
                    bearer(DevTokens.mint("x", ROLES, tenant, "https://evil.example", DevTokens.AUDIENCE)),
                    method,
                    url);
            int audience =
                    call(bearer(DevTokens.mint("x", ROLES, tenant, DevTokens.ISSUER, "someone-else")), method, url);
            for (int status : List.of(none, expired, tampered, issuer, audience)) {
                expect(status == 401, label + ": a missing or invalid token answered " + status + ", not 401");
            }
            String foreign = "–";
            if (template.contains("{") && !allowed.isEmpty()) {
                String token = DevTokens.mint("admin-elsewhere", List.of("admin"), otherTenant);
                int status = call(bearer(token), method, url);
                int unknown = call(
                        bearer(token),
                        method,
                        server
                                + template.replaceAll(
                                        "\\{[^}]+}", UUID.randomUUID().toString()));
                foreign = Integer.toString(status);
                // Reads are 404; a write may fail its body validation first, but must answer exactly as for an id
                // that exists nowhere, so another tenant's ids do not leak.
                expect(
                        method.equals("get") ? status == 404 : status == unknown,
                        label + ": another tenant's admin got " + status + " (unknown id: " + unknown + ")");
            }
            StringBuilder row = new StringBuilder("| `" + label + "` | " + none + " | " + expired + " | " + tampered
                    + " | " + issuer + " | " + audience + " | " + foreign + " |");
            for (String role : ROLES) {
                int status = call(
                        bearer(DevTokens.mint(subjects.getOrDefault(role, role + "-1"), List.of(role), tenant)),
                        method,
                        url);
                boolean documented = allowed.contains(role);
                expect(status < 500, label + " as " + role + " answered " + status);
                expect(
                        documented ? status != 401 && status != 403 : status == 403,
                        label + " as " + role + " answered " + status
                                + (documented ? " but the role is documented" : ", not 403"));
                row.append(' ')
                        .append(status)
                        .append(documented ? "" : " (denied)")
                        .append(" |");
            }
            table.add(row.toString());
        }
        write(service, table);
        return failures;
    }

    /**
     * An operation documented with an empty security requirement ({@code security: []}) is public
     * (registration codes, respondent tokens): no token, and any token, must get past security.
     */
    private static boolean isPublic(Map<String, Object> operation) {
        return operation.get("security") instanceof List<?> requirements && requirements.isEmpty();
    }

    private String publicRow(String method, String url, String label) {
        List<Integer> statuses = new ArrayList<>();
        statuses.add(call(given(), method, url));
        statuses.add(
                call(bearer(DevTokens.mint("x", ROLES, tenant, Instant.now().minusSeconds(60))), method, url));
        statuses.add(call(bearer(DevTokens.tampered("x", ROLES, tenant)), method, url));
        for (String role : ROLES) {
            statuses.add(call(
                    bearer(DevTokens.mint(subjects.getOrDefault(role, role + "-1"), List.of(role), tenant)),
                    method,
                    url));
        }
        for (int status : statuses) {
            expect(
                    status != 401 && status != 403 && status < 500,
                    label + " is documented as public but answered " + status);
        }
        return "| `" + label + "` (public) | " + statuses.get(0) + " | " + statuses.get(1) + " | " + statuses.get(2)
                + " | – | – | – |"
                + statuses.subList(3, statuses.size()).stream()
                        .map(s -> " " + s + " |")
                        .reduce("", String::concat);
    }

    private static int rank(String method) {
        return switch (method) {
            case "get" -> 0;
            case "post", "put", "patch" -> 1;
            default -> 2;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentedRoles(Map<String, Object> operation) {
        Object security = operation.get("security");
        if (!(security instanceof List<?> requirements) || requirements.isEmpty()) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (Object r : requirements) {
            ((Map<String, List<String>>) r).values().forEach(roles::addAll);
        }
        return roles;
    }

    private String fill(String template) {
        String url = template;
        for (var v : pathValues.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
        }
        return url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private void expect(boolean ok, String problem) {
        if (!ok) {
            failures.add(problem);
        }
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    private static int call(RequestSpecification spec, String method, String url) {
        return spec.contentType(ContentType.JSON)
                .body(method.equals("get") || method.equals("delete") ? "" : "{}")
                .request(method.toUpperCase(Locale.ROOT), url)
                .statusCode();
    }

    private static void write(String service, List<String> table) {
        String text = "# Access matrix of " + service
                + "\n\nGenerated by AccessMatrixTest from the service's OpenAPI document; "
                + "\"(denied)\" marks roles the operation does not document.\n\n" + String.join("\n", table) + "\n";
        System.out.println(text);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "access-matrix.md"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
