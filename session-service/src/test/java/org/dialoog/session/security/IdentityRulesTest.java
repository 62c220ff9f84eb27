package org.dialoog.session.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.dialoog.session.Api;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token without a user or a tenant is a 401 problem in session-service too, on public paths as well. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "session"))
class IdentityRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void tokensWithoutSubOrOrgAreA401ProblemNeverA500() {
        for (String claim : List.of("sub", "org")) {
            String token =
                    DevTokens.mintWithout(claim, Api.FACILITATOR_ID, List.of("admin", "facilitator"), Api.TENANT);
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/sessions")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", INVALID_TOKEN)
                    .body("detail", containsString("'" + claim + "' claim is missing"));
            // a public path is no way around it: without the rule this unknown session would be a 404
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "10.7.7." + (claim.equals("sub") ? 1 : 2))
                    .body(Map.of("name", "Iemand", "email", "iemand@example.nl"))
                    .post("/api/v1/sessions/{id}/registrations", UUID.randomUUID())
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM);
        }
    }
}
