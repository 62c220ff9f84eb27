package org.dialoog.engagement.rest;

import static org.dialoog.engagement.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dialoog.testkit.DialoogTestResource;
import org.junit.jupiter.api.Test;

/** A bug is a 500 problem with an error id to report, and leaks no message, SQL or stack trace. */
@QuarkusTest
@WithTestResource(value = DialoogTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "engagement"))
class UnexpectedErrorTest {

    @Test
    void unexpectedExceptionIsA500ProblemWithoutInternals() {
        admin().get("/api/v1/test-only/failures").then()
                .statusCode(500).contentType("application/problem+json").header("API-Version", "1.0.0")
                .body("status", equalTo(500)).body("detail", containsString("error id"))
                .body(not(containsString("secret"))).body(not(containsString("select")))
                .body(not(containsString("IllegalStateException"))).body(not(containsString("at org.")));
    }
}
