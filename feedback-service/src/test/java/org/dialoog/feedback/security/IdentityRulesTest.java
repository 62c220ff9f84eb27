package org.dialoog.feedback.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.dialoog.feedback.Feedback;
import org.dialoog.testkit.DevTokens;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token without a user or a tenant is a 401 problem in feedback-service too, never a shared "system" user. */
@QuarkusTest
@WithTestResource(
        value = DialoogTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "feedback"))
class IdentityRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aTokenWithoutSubIsA401ProblemNotTheUserSystem() {
        given().auth()
                .oauth2(DevTokens.mintWithout("sub", "client-without-sub", List.of("client"), Feedback.TENANT))
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", INVALID_TOKEN)
                .body("detail", containsString("'sub' claim is missing"));
    }

    @Test
    void aTokenWithoutOrgIsA401ProblemNotA500() {
        given().auth()
                .oauth2(DevTokens.mintWithout("org", Feedback.FACILITATOR_ID, List.of("facilitator"), Feedback.TENANT))
                .get("/api/v1/feedback-rounds")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", INVALID_TOKEN)
                .body("detail", containsString("'org' claim is missing"));
    }
}
