package org.dialoog.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link OpenApiContract} in front of every REST Assured request of every
 * {@code @QuarkusTest} in the services (registered as a Quarkus test callback), so that no test
 * can receive an answer the OpenAPI document does not describe.
 */
public final class ContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiContract.INSTANCE)) {
            RestAssured.filters(OpenApiContract.INSTANCE);
        }
    }
}
